package fr.ceres.keycloak.dev;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The development SMTP server: GreenMail on 127.0.0.1, accepting every message for every recipient,
 * without authentication. Messages stay in memory until the launcher stops or the inbox is emptied.
 */
final class DevMailServer {

    /** One received message, decoded for display. */
    record Mail(String id, Instant received, String from, List<String> to, String subject,
                String text, String html, byte[] source) {
    }

    private final GreenMail greenMail;
    private final int port;

    /** Port 0 picks a free port (tests); {@link #port()} tells which once started. */
    DevMailServer(String host, int port) {
        this.port = port;
        ServerSetup smtp = new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP);
        if (port == 0) {
            smtp = smtp.dynamicPort();
        }
        this.greenMail = new GreenMail(smtp)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    void start() {
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            if (hasCause(e, BindException.class)) {
                throw new DevServerException("Le port SMTP " + port + " est déjà utilisé : un autre serveur de mail "
                        + "(ou une suite de tests) tourne-t-il déjà ?");
            }
            throw e;
        }
    }

    void stop() {
        greenMail.stop();
    }

    int port() {
        return greenMail.getSmtp() != null ? greenMail.getSmtp().getPort() : port;
    }

    void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** All received messages, newest first; a message sent to several recipients is listed once. */
    List<Mail> messages() {
        Map<String, Mail> byId = new LinkedHashMap<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                Mail mail = decode(message);
                byId.putIfAbsent(mail.id(), mail);
            } catch (MessagingException | IOException e) {
                // A message that cannot be decoded is still worth showing as such.
                String id = digest("undecodable:" + System.identityHashCode(message));
                byId.putIfAbsent(id, new Mail(id, Instant.now(), "?", List.of(), "(message illisible : " + e + ")",
                        "", null, new byte[0]));
            }
        }
        List<Mail> mails = new ArrayList<>(byId.values());
        mails.sort(Comparator.comparing(Mail::received).reversed());
        return mails;
    }

    Optional<Mail> message(String id) {
        return messages().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    private static Mail decode(MimeMessage message) throws MessagingException, IOException {
        Instant received = Optional.ofNullable(message.getReceivedDate())
                .or(() -> Optional.ofNullable(sentDate(message)))
                .map(d -> d.toInstant()).orElse(Instant.EPOCH);
        String from = addresses(message.getFrom()).stream().findFirst().orElse("");
        List<String> to = addresses(message.getRecipients(Message.RecipientType.TO));
        String subject = Optional.ofNullable(message.getSubject()).orElse("");

        Bodies bodies = new Bodies();
        collect(message, bodies);

        ByteArrayOutputStream source = new ByteArrayOutputStream();
        message.writeTo(source);

        String messageId = message.getMessageID();
        String key = messageId != null ? messageId : received + "|" + subject + "|" + source.size();
        return new Mail(digest(key), received, from, to, subject,
                bodies.text != null ? bodies.text : "", bodies.html, source.toByteArray());
    }

    private static Date sentDate(MimeMessage message) {
        try {
            return message.getSentDate();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static final class Bodies {
        String text;
        String html;
    }

    /** First text/plain and first text/html part that are not attachments, depth first. */
    private static void collect(Part part, Bodies bodies) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        }
        if (part.isMimeType("text/plain") && bodies.text == null) {
            bodies.text = String.valueOf(part.getContent()).replace("\r\n", "\n");
        } else if (part.isMimeType("text/html") && bodies.html == null) {
            bodies.html = String.valueOf(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, bodies);
            }
        }
    }

    private static List<String> addresses(Address[] addresses) {
        List<String> result = new ArrayList<>();
        if (addresses != null) {
            for (Address address : addresses) {
                result.add(address instanceof InternetAddress internet ? internet.toUnicodeString() : address.toString());
            }
        }
        return result;
    }

    private static String digest(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
