package fr.ceres.keycloak.dev;

/** A failure of the development server explained to the developer: printed as is, without a stack trace. */
final class DevServerException extends RuntimeException {

    DevServerException(String message) {
        super(message, null, false, false);
    }
}
