package fr.ceres.keycloak.it.support;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.keycloak.testframework.mail.MailServer;

/** Reads the messages the server really sent, as their recipient would. */
public final class Mailbox {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern ACTION_LINK = Pattern.compile("https?://\\S+/login-actions/action-token\\?\\S+");
    private static final Pattern INVITATION_LINK = Pattern.compile("https?://\\S+/ceres-portal/invitation\\?key=\\S+");

    private final Supplier<MimeMessage[]> received;

    public Mailbox(MailServer server) {
        this(server::getReceivedMessages);
    }

    /** The messages of any SMTP receiver (a GreenMail of the test's own, say), all recipients mixed. */
    public Mailbox(Supplier<MimeMessage[]> received) {
        this.received = received;
    }

    /**
     * The same as the constructor, for a class path without the test framework (the benchmark's): there the compiler
     * cannot weigh the constructor taking its {@link MailServer}.
     */
    public static Mailbox of(Supplier<MimeMessage[]> received) {
        return new Mailbox(received);
    }

    public List<MimeMessage> to(String address) {
        return Arrays.stream(received.get()).filter(m -> isAddressedTo(m, address)).toList();
    }

    /** Waits for the {@code count}-th message to the address and returns it. */
    public Mail awaitMessage(String address, int count) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            List<MimeMessage> messages = to(address);
            if (messages.size() >= count) {
                return new Mail(messages.get(count - 1));
            }
            sleep();
        }
        throw new AssertionError("No message #" + count + " to " + address + " within " + WAIT);
    }

    private static boolean isAddressedTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One received message: its subject, its plain-text and HTML parts, its action link. */
    public record Mail(String subject, String text, String html) {

        Mail(MimeMessage message) {
            this(subjectOf(message), part(message, "text/plain"), part(message, "text/html"));
        }

        public String actionLink() {
            return link(ACTION_LINK, "action link");
        }

        /** The link of an invitation email. */
        public String invitationLink() {
            return link(INVITATION_LINK, "invitation link");
        }

        private String link(Pattern pattern, String what) {
            Matcher matcher = pattern.matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("No " + what + " in:\n" + text);
            }
            return matcher.group();
        }

        private static String subjectOf(MimeMessage message) {
            try {
                return message.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String part(MimeMessage message, String type) {
            try {
                Object content = message.getContent();
                if (content instanceof String text) {
                    return message.isMimeType(type) ? text : "";
                }
                Multipart multipart = (Multipart) content;
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    if (part.isMimeType(type)) {
                        return part.getContent().toString();
                    }
                }
                return "";
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
