package fr.ceres.keycloak.it.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.icegreen.greenmail.util.GreenMail;
import fr.ceres.keycloak.it.node.CeresDeployment;
import fr.ceres.keycloak.it.node.KeycloakDistribution;
import fr.ceres.keycloak.it.node.KeycloakNode;
import fr.ceres.keycloak.it.support.Applicant;
import fr.ceres.keycloak.it.support.CentreLetters;
import fr.ceres.keycloak.it.support.FreshDatabase;
import fr.ceres.keycloak.it.support.Gestionnaires;
import fr.ceres.keycloak.it.support.HttpAttachSession;
import fr.ceres.keycloak.it.support.Mailbox;
import fr.ceres.keycloak.it.support.MetricsPage;
import fr.ceres.keycloak.it.support.PortalAccounts;
import fr.ceres.keycloak.it.support.PortalHttp;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;

/**
 * Two production nodes on one PostgreSQL database, as the README deploys them behind a load balancer: the same
 * build (the company register API Recherche d'entreprises, here a {@link RechercheEntreprisesStub}), the same public
 * address ({@code --hostname}), their caches joined by JGroups (discovery through the database), one SMTP server.
 * Nothing listens at the public address: the tests play the load balancer, each {@link Browser} routing its
 * requests to the nodes.
 */
final class TwoNodeCluster implements AutoCloseable {

    static final String PUBLIC_URL = "http://portail.ceres.test";
    static final String REALM = "mes-demarches";
    static final String REALM_URL = PUBLIC_URL + "/realms/" + REALM;
    static final String CALLBACK = CeresDeployment.CERES_URL + "/callback";
    static final List<String> NAMES = List.of("node-a", "node-b");

    private static final String POSTGRES = "127.0.0.1:5432";
    private static final List<KeycloakNode.Ports> PORTS = List.of(
            new KeycloakNode.Ports(8380, 9300, 7900), new KeycloakNode.Ports(8480, 9400, 7901));
    /** Requests each browser may wait: a burst on two cores answers slowly, never wrongly. */
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CeresDeployment deployment = new CeresDeployment();
    private final List<String> nodeOptions;
    private final List<KeycloakNode> nodes = new ArrayList<>();
    private final List<Keycloak> admins = new ArrayList<>();
    private KeycloakDistribution distribution;
    private GreenMail smtp;
    private RechercheEntreprisesStub register;
    private String databaseUrl;

    private TwoNodeCluster(List<String> nodeOptions) {
        this.nodeOptions = nodeOptions;
    }

    /**
     * Both nodes started on a fresh database {@code database}, one after the other (the first imports the realm, the
     * second finds it there); {@code companies} is what the register knows, {@code nodeOptions} are added to each
     * node's start. Stops what it started if a node does not come.
     */
    static TwoNodeCluster start(String database, ArrayNode companies, List<String> nodeOptions) throws Exception {
        TwoNodeCluster cluster = new TwoNodeCluster(nodeOptions);
        try {
            cluster.distribution = CeresDeployment.distribution("recherche-entreprises");
            cluster.smtp = cluster.deployment.startMailServer();
            cluster.register = RechercheEntreprisesStub.start(companies);
            cluster.databaseUrl = FreshDatabase.postgres(POSTGRES, database, CeresDeployment.DATABASE_USER,
                    CeresDeployment.DATABASE_PASSWORD);
            for (int i = 0; i < NAMES.size(); i++) {
                long begin = System.nanoTime();
                cluster.nodes.add(cluster.startNode(i).awaitReady(Duration.ofMinutes(3)));
                System.out.printf("[cluster] %s ready in %d s%n", NAMES.get(i), (System.nanoTime() - begin) / 1_000_000_000);
                cluster.admins.add(Keycloak.getInstance(cluster.nodes.get(i).directUrl(), "master", "admin",
                        cluster.deployment.adminPassword(), "admin-cli"));
            }
            return cluster;
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    /** The demo company register the README's run command serves, to which each test adds its own companies. */
    static ArrayNode demoRegister() throws IOException {
        try (InputStream demo = TwoNodeCluster.class.getResourceAsStream("/company-register-demo.json")) {
            return (ArrayNode) JSON.readTree(demo);
        }
    }

    /** Adds an active establishment to a register list: a centre the agents' API will register, or a company to sign up with. */
    static void addCompany(ArrayNode companies, String siret) {
        companies.addObject().put("siret", siret).put("raisonSociale", "CENTRE DE FORMATION " + siret)
                .put("adresse", "1 RUE DE LA GARE").put("commune", "69002 LYON").put("etat", "A");
    }

    /** The nodes, by index; a node killed and started again takes its index back. */
    List<KeycloakNode> nodes() {
        return nodes;
    }

    /** Node {@code i} started anew in place of the one that was there (killed or stopped), once ready. */
    KeycloakNode restart(int i) throws Exception {
        nodes.set(i, startNode(i).awaitReady(Duration.ofMinutes(3)));
        return nodes.get(i);
    }

    private KeycloakNode startNode(int i) throws IOException {
        List<String> options = new ArrayList<>(List.of("--import-realm",
                "--spi-company-register--recherche-entreprises--base-url=" + register.baseUrl(),
                // The tests play the load balancer: their address is the trusted proxy's.
                "--proxy-headers=xforwarded", "--proxy-trusted-addresses=127.0.0.1",
                "--db-url=" + databaseUrl, "--db-username=" + CeresDeployment.DATABASE_USER,
                "--db-pool-initial-size=5", "--db-pool-min-size=5", "--db-pool-max-size=20",
                "--hostname=" + PUBLIC_URL, "--http-enabled=true"));
        options.addAll(nodeOptions);
        return KeycloakNode.start(distribution, NAMES.get(i), PORTS.get(i), options, deployment.environment(smtp));
    }

    /** A browser behind the load balancer, its first request to node {@code first % 2}, then turn by turn. */
    Browser browser(int first) {
        NodeRoute route = new NodeRoute(PUBLIC_URL, nodes, first);
        return new Browser(new PortalHttp(REALM_URL, DEADLINE, route), route);
    }

    /** The realm's admin API on node {@code node % 2}. */
    RealmResource admin(int node) {
        return admins.get(node % admins.size()).realm(REALM);
    }

    /** An agent issuing codes through node {@code node % 2}. */
    CentreLetters letters(int node) {
        KeycloakNode agentNode = nodes.get(node % nodes.size());
        return new CentreLetters(nodeRealmUrl(node), () -> deployment.adminToken(agentNode.directUrl()));
    }

    String nodeRealmUrl(int node) {
        return nodes.get(node % nodes.size()).directUrl() + "/realms/" + REALM;
    }

    /** The client secret of Ceres, as the deployment gives it. */
    String ceresSecret() {
        return deployment.clientSecret();
    }

    Mailbox mailbox() {
        return new Mailbox(smtp::getReceivedMessages);
    }

    RechercheEntreprisesStub register() {
        return register;
    }

    /** Each node's {@code /metrics}, in the nodes' order. */
    List<MetricsPage> metrics() throws IOException, InterruptedException {
        List<MetricsPage> pages = new ArrayList<>();
        for (KeycloakNode node : nodes) {
            pages.add(MetricsPage.read("http://127.0.0.1:" + node.ports().management() + "/metrics"));
        }
        return pages;
    }

    /**
     * The account made, the centre registered, a code issued and redeemed by the person: a gestionnaire. Returns
     * the account's id.
     */
    String makeGestionnaire(String email, String firstName, String lastName, String siret, List<String> sites)
            throws Exception {
        String id = PortalAccounts.create(admin(0), email, firstName, lastName, siret);
        new Gestionnaires(nodeRealmUrl(1), () -> deployment.adminToken(nodes.get(1).directUrl())).register(siret, sites);
        String code = letters(0).registerAndIssue(siret);
        HttpAttachSession session = new HttpAttachSession(browser(1).http(), REALM_URL, CALLBACK).signIn(email, Applicant.PASSWORD);
        HttpResponse<String> attached = session.attach(siret, code);
        if (!session.givesCode(attached)) {
            throw new AssertionError(session.pageAfter(attached));
        }
        return id;
    }

    /** The centre's members (its Organization's), by username, as the admin API lists them. */
    List<String> members(String siret) {
        // One page of them all: getAll() gives only the first ten.
        OrganizationRepresentation centre = admin(0).organizations().list(0, 1000).stream()
                .filter(o -> siret.equals(o.getAlias())).findFirst().orElseThrow(() -> new AssertionError("no centre " + siret));
        return admin(0).organizations().get(centre.getId()).members().getAll().stream().map(MemberRepresentation::getUsername).toList();
    }

    static String accessPage(String siret) {
        return REALM_URL + "/ceres-portal/acces/" + siret;
    }

    KeycloakNode nodeServing(HttpResponse<?> response) {
        return nodes.stream().filter(n -> n.ports().http() == response.uri().getPort()).findFirst().orElseThrow();
    }

    String nodeOf(HttpResponse<?> response) {
        return NAMES.get(nodes.indexOf(nodeServing(response)));
    }

    @Override
    public void close() throws Exception {
        admins.forEach(Keycloak::close);
        for (KeycloakNode node : nodes) {
            node.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (register != null) {
            register.close();
        }
    }
}
