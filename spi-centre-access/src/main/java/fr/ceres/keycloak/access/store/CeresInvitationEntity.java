package fr.ceres.keycloak.access.store;

import fr.ceres.keycloak.centre.habilitation.CeresRole;
import fr.ceres.keycloak.centre.habilitation.Habilitation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One row of {@code CERES_INVITATION}: an {@link Invitation} or an {@link AccessRequest}, the two directions of
 * one relation between a person and a centre, told apart by {@code KIND}. Two columns mean one thing per kind,
 * and only this class reads them: {@code USER_ID} is who accepted an invitation, or who asked for access;
 * {@code AUTHOR_ID} and {@code AUTHOR_NAME} are who invited, or who decided a request. The invitation link is
 * an action token naming the row; the token itself is never stored.
 *
 * <p>{@code LIVE_KEY} makes "one pending invitation per (centre, SIRET, role, email)" and "one pending request
 * per (centre, user)" database rules, the way {@code CERES_ACTIVATION_CODE} does for codes: while PENDING it
 * holds the natural key (see {@link InvitationKeys}), once closed the row's own id, and the column is unique.
 *
 * <p>State changes are bulk JPQL updates guarded by the kind, the current state and the link version (see the
 * stores), which is what makes "accepted once" atomic across nodes.
 *
 * <p>Named "Ceres…" because Keycloak's own persistence unit already has an {@code
 * OrganizationInvitationEntity} and JPQL entity names share one namespace.
 */
@Entity
@Table(name = "CERES_INVITATION")
@NamedQueries({
        @NamedQuery(name = CeresInvitationEntity.BY_ID,
                query = "select i from CeresInvitationEntity i where i.realmId = :realmId and i.id = :id"
                        + " and i.kind = :kind"),
        @NamedQuery(name = CeresInvitationEntity.LIVE_KEY_TAKEN,
                query = "select count(i) from CeresInvitationEntity i where i.liveKey = :liveKey"),
        @NamedQuery(name = CeresInvitationEntity.PENDING_INVITATIONS,
                query = "select i from CeresInvitationEntity i where i.realmId = :realmId and i.centre = :centre"
                        + " and i.kind = :invitation and i.state = :pending and i.expiresAt > :now"
                        + " order by i.createdAt, i.id"),
        @NamedQuery(name = CeresInvitationEntity.PENDING_REQUESTS,
                query = "select i from CeresInvitationEntity i where i.realmId = :realmId and i.centre = :centre"
                        + " and i.kind = :request and i.state = :pending"
                        + " order by i.createdAt, i.id"),
        @NamedQuery(name = CeresInvitationEntity.PENDING_REQUESTS_OF,
                query = "select i from CeresInvitationEntity i where i.realmId = :realmId and i.userId = :userId"
                        + " and i.kind = :request and i.state = :pending"),
        @NamedQuery(name = CeresInvitationEntity.EXPIRE,
                query = "update CeresInvitationEntity i set i.state = :expired, i.liveKey = i.id"
                        + " where i.liveKey = :liveKey and i.state = :pending and i.expiresAt <= :now"),
        @NamedQuery(name = CeresInvitationEntity.ACCEPT,
                query = "update CeresInvitationEntity i set i.state = :accepted, i.liveKey = i.id,"
                        + " i.userId = :userId, i.decidedBy = :userId, i.decidedAt = :now"
                        + " where i.realmId = :realmId and i.id = :id and i.kind = :invitation"
                        + " and i.state = :pending and i.linkVersion = :linkVersion and i.expiresAt > :now"),
        @NamedQuery(name = CeresInvitationEntity.RESEND,
                query = "update CeresInvitationEntity i set i.linkVersion = i.linkVersion + 1, i.expiresAt = :expiresAt"
                        + CeresInvitationEntity.PENDING_INVITATION_OF_CENTRE),
        @NamedQuery(name = CeresInvitationEntity.CANCEL,
                query = "update CeresInvitationEntity i set i.state = :cancelled, i.liveKey = i.id,"
                        + " i.decidedBy = :byUserId, i.decidedAt = :now"
                        + CeresInvitationEntity.PENDING_INVITATION_OF_CENTRE),
        @NamedQuery(name = CeresInvitationEntity.ACCEPT_REQUEST,
                query = "update CeresInvitationEntity i set i.state = :accepted, i.liveKey = i.id,"
                        + " i.authorId = :deciderId, i.authorName = :deciderName, i.decidedBy = :deciderId,"
                        + " i.siret = :siret, i.role = :role, i.decidedAt = :now"
                        + CeresInvitationEntity.PENDING_REQUEST_OF_CENTRE),
        @NamedQuery(name = CeresInvitationEntity.REFUSE_REQUEST,
                query = "update CeresInvitationEntity i set i.state = :refused, i.liveKey = i.id,"
                        + " i.authorId = :deciderId, i.authorName = :deciderName, i.decidedBy = :deciderId,"
                        + " i.reason = :reason, i.decidedAt = :now"
                        + CeresInvitationEntity.PENDING_REQUEST_OF_CENTRE),
        @NamedQuery(name = CeresInvitationEntity.DELETE_CENTRE,
                query = "delete from CeresInvitationEntity i where i.realmId = :realmId and i.centre = :centre"),
        @NamedQuery(name = CeresInvitationEntity.DELETE_PERSON,
                query = "delete from CeresInvitationEntity i where i.realmId = :realmId and i.userId = :userId"),
        @NamedQuery(name = CeresInvitationEntity.DELETE_REALM,
                query = "delete from CeresInvitationEntity i where i.realmId = :realmId")
})
public class CeresInvitationEntity {

    static final String BY_ID = "ceresInvitationById";
    static final String LIVE_KEY_TAKEN = "ceresInvitationLiveKeyTaken";
    static final String PENDING_INVITATIONS = "ceresPendingInvitations";
    static final String PENDING_REQUESTS = "ceresPendingRequests";
    static final String PENDING_REQUESTS_OF = "ceresPendingRequestsOf";
    static final String EXPIRE = "ceresExpireInvitation";
    static final String ACCEPT = "ceresAcceptInvitation";
    static final String RESEND = "ceresResendInvitation";
    static final String CANCEL = "ceresCancelInvitation";
    static final String ACCEPT_REQUEST = "ceresAcceptAccessRequest";
    static final String REFUSE_REQUEST = "ceresRefuseAccessRequest";
    static final String DELETE_CENTRE = "ceresDeleteCentreInvitations";
    static final String DELETE_PERSON = "ceresDeletePersonInvitations";
    static final String DELETE_REALM = "ceresDeleteRealmInvitations";

    /** The guard of every change a gestionnaire makes to an invitation: the centre's own, still PENDING. */
    static final String PENDING_INVITATION_OF_CENTRE = " where i.realmId = :realmId and i.centre = :centre"
            + " and i.id = :id and i.kind = :invitation and i.state = :pending";
    /** The guard of a decision on an access request: the centre's own, still PENDING, so one decider wins. */
    static final String PENDING_REQUEST_OF_CENTRE = " where i.realmId = :realmId and i.centre = :centre"
            + " and i.id = :id and i.kind = :request and i.state = :pending";

    @Id
    @Column(name = "ID", length = 36, nullable = false)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", length = 16, nullable = false)
    private InvitationKind kind;

    @Column(name = "CENTRE", length = 14, nullable = false)
    private String centre;

    @Column(name = "SIRET", length = 14)
    private String siret;

    /** The role's id ({@link CeresRole#id()}), the same word as the client role and the token claim. */
    @Column(name = "ROLE", length = 16)
    private String role;

    @Column(name = "EMAIL", length = 255, nullable = false)
    private String email;

    @Column(name = "USER_ID", length = 36)
    private String userId;

    @Column(name = "AUTHOR_ID", length = 36)
    private String authorId;

    @Column(name = "AUTHOR_NAME", length = 255)
    private String authorName;

    /** Epoch milliseconds, from Keycloak's {@code Time} so tests can move the clock. */
    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATE", length = 16, nullable = false)
    private RowState state;

    @Column(name = "LINK_VERSION", nullable = false)
    private int linkVersion;

    @Column(name = "DECIDED_AT")
    private Long decidedAt;

    /** Who closed it: the invitee accepting, the gestionnaire cancelling, or deciding a request. */
    @Column(name = "DECIDED_BY", length = 36)
    private String decidedBy;

    @Column(name = "REASON", length = 1000)
    private String reason;

    @Column(name = "LIVE_KEY", length = 160, nullable = false, unique = true)
    private String liveKey;

    /** For JPA. */
    protected CeresInvitationEntity() {
    }

    /** A new PENDING invitation (link version 1). */
    static CeresInvitationEntity invitation(String id, String realmId, String centre, String siret, CeresRole role,
            String email, Actor inviter, long createdAt, long expiresAt) {
        CeresInvitationEntity entity = pending(id, realmId, InvitationKind.INVITATION, centre, email, createdAt, expiresAt);
        entity.siret = siret;
        entity.role = role.id();
        entity.authorId = inviter.id();
        entity.authorName = inviter.name();
        entity.liveKey = InvitationKeys.invitation(realmId, centre, siret, role, email);
        return entity;
    }

    /** A new PENDING access request; requests wait for a decision without expiring. */
    static CeresInvitationEntity request(String id, String realmId, String centre, String userId, String email,
            long createdAt) {
        CeresInvitationEntity entity = pending(id, realmId, InvitationKind.REQUEST, centre, email, createdAt,
                Long.MAX_VALUE);
        entity.userId = userId;
        entity.liveKey = InvitationKeys.request(realmId, centre, userId);
        return entity;
    }

    private static CeresInvitationEntity pending(String id, String realmId, InvitationKind kind, String centre,
            String email, long createdAt, long expiresAt) {
        CeresInvitationEntity entity = new CeresInvitationEntity();
        entity.id = id;
        entity.realmId = realmId;
        entity.kind = kind;
        entity.centre = centre;
        entity.email = email;
        entity.createdAt = createdAt;
        entity.expiresAt = expiresAt;
        entity.state = RowState.PENDING;
        entity.linkVersion = 1;
        return entity;
    }

    String getLiveKey() {
        return liveKey;
    }

    String getDecidedBy() {
        return decidedBy;
    }

    Invitation toInvitation() {
        return new Invitation(id, centre, siret, CeresRole.of(role).orElseThrow(), email, new Actor(authorId, authorName),
                createdAt, expiresAt, Invitation.State.valueOf(state.name()), linkVersion, userId, decidedAt);
    }

    AccessRequest toAccessRequest() {
        Habilitation granted = state == RowState.ACCEPTED
                ? new Habilitation(siret, CeresRole.of(role).orElseThrow(), centre)
                : null;
        Actor decider = authorId == null ? null : new Actor(authorId, authorName);
        return new AccessRequest(id, centre, userId, email, createdAt, AccessRequest.State.valueOf(state.name()),
                granted, decider, decidedAt, reason);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CeresInvitationEntity entity && id != null && id.equals(entity.id);
    }

    @Override
    public int hashCode() {
        return CeresInvitationEntity.class.hashCode();
    }

    @Override
    public String toString() {
        return "CeresInvitationEntity[" + id + ", " + kind + ", " + centre + ", " + state + "]";
    }
}
