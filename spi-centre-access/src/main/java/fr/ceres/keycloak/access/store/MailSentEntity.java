package fr.ceres.keycloak.access.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One row of {@code CERES_MAIL_SENT}: one email counted against a {@link MailQuota} of one subject (a centre's
 * Organization id, a person's user id). Only the last day's rows are kept: {@link MailQuotas} deletes a subject's
 * older ones each time it counts.
 */
@Entity
@Table(name = "CERES_MAIL_SENT")
@NamedQueries({
        @NamedQuery(name = MailSentEntity.COUNT_SINCE,
                query = "select count(m) from MailSentEntity m where m.realmId = :realmId and m.quota = :quota"
                        + " and m.subject = :subject and m.sentAt > :since"),
        @NamedQuery(name = MailSentEntity.FORGET_BEFORE,
                query = "delete from MailSentEntity m where m.realmId = :realmId and m.quota = :quota"
                        + " and m.subject = :subject and m.sentAt <= :since"),
        @NamedQuery(name = MailSentEntity.DELETE_SUBJECT,
                query = "delete from MailSentEntity m where m.realmId = :realmId and m.quota = :quota"
                        + " and m.subject = :subject"),
        @NamedQuery(name = MailSentEntity.DELETE_REALM,
                query = "delete from MailSentEntity m where m.realmId = :realmId")
})
public class MailSentEntity {

    static final String COUNT_SINCE = "ceresMailSentCountSince";
    static final String FORGET_BEFORE = "ceresMailSentForgetBefore";
    static final String DELETE_SUBJECT = "ceresMailSentDeleteSubject";
    static final String DELETE_REALM = "ceresMailSentDeleteRealm";

    @Id
    @Column(name = "ID", length = 36, nullable = false)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "QUOTA", length = 16, nullable = false)
    private String quota;

    @Column(name = "SUBJECT", length = 36, nullable = false)
    private String subject;

    @Column(name = "SENT_AT", nullable = false)
    private long sentAt;

    protected MailSentEntity() {
    }

    MailSentEntity(String id, String realmId, String quota, String subject, long sentAt) {
        this.id = id;
        this.realmId = realmId;
        this.quota = quota;
        this.subject = subject;
        this.sentAt = sentAt;
    }
}
