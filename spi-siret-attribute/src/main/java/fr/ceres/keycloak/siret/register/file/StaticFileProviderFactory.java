package fr.ceres.keycloak.siret.register.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.ceres.keycloak.common.BundleFactory;
import fr.ceres.keycloak.siret.Siret;
import fr.ceres.keycloak.siret.register.CompanyRegisterProvider;
import fr.ceres.keycloak.siret.register.CompanyRegisterProviderFactory;
import fr.ceres.keycloak.siret.register.Establishment;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * A register read from a JSON file once at start-up, for offline installations, demos and tests:
 * {@code [{"siret", "raisonSociale", "adresse", "commune", "etat": "A"|"F"}]}. Without the
 * {@code file} option, the bundled demo data set. It never answers Unavailable; a broken file
 * stops the server at start-up instead, naming the file and the entry.
 */
public final class StaticFileProviderFactory extends BundleFactory implements CompanyRegisterProviderFactory {

    public static final String PROVIDER_ID = "static-file";

    static final String FILE = "file";
    static final String DEMO_RESOURCE = "/company-register-demo.json";

    private Map<Siret, Establishment> establishments;
    private String source;

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public void init(Config.Scope config) {
        String file = config.get(FILE);
        try {
            if (file == null || file.isBlank()) {
                source = "classpath:" + DEMO_RESOURCE;
                establishments = readDemo();
            } else {
                source = file.trim();
                try (InputStream in = Files.newInputStream(Path.of(source))) {
                    establishments = EstablishmentFile.read(in, source);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the company register file " + source, e);
        }
    }

    private Map<Siret, Establishment> readDemo() throws IOException {
        try (InputStream in = StaticFileProviderFactory.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IOException("resource missing from the jar");
            }
            return EstablishmentFile.read(in, source);
        }
    }

    @Override
    public CompanyRegisterProvider create(KeycloakSession session) {
        return new StaticFileProvider(establishments);
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(FILE).type("string")
                .helpText("Path of a JSON file [{\"siret\",\"raisonSociale\",\"adresse\",\"commune\",\"etat\":\"A\"|\"F\"}]."
                        + " Unset: the bundled demo data set.")
                .add()
                .build();
    }

    @Override
    protected Map<String, String> options() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put(FILE, source);
        info.put("establishments", Integer.toString(establishments.size()));
        return info;
    }
}
