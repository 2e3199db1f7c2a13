package fr.ceres.keycloak.it.cluster;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.ceres.keycloak.it.node.KeycloakNode;

/**
 * The load balancer in front of the cluster, for one browser: requests to the public address (or to any node's)
 * go to the nodes in turn, starting with a given one, or all to one node once {@link #pin pinned}. Turn by turn,
 * every step of a sign-in or a form lands on another node than the step before, so a session is only kept if the
 * cluster shares it.
 */
final class NodeRoute implements UnaryOperator<URI> {

    private final Set<String> clusterAuthorities;
    private final List<KeycloakNode> nodes;
    private final AtomicInteger next;
    private volatile int step = 1;

    NodeRoute(String publicUrl, List<KeycloakNode> nodes, int first) {
        this.nodes = nodes;
        this.next = new AtomicInteger(first);
        this.clusterAuthorities = Stream.concat(Stream.of(URI.create(publicUrl).getAuthority()),
                nodes.stream().map(node -> URI.create(node.directUrl()).getAuthority())).collect(Collectors.toSet());
    }

    /** From now on, every request goes to {@code node} (its index in the cluster). */
    NodeRoute pin(int node) {
        step = 0;
        next.set(node);
        return this;
    }

    @Override
    public URI apply(URI uri) {
        if (!clusterAuthorities.contains(uri.getAuthority())) {
            return uri;
        }
        KeycloakNode node = nodes.get(Math.floorMod(next.getAndAdd(step), nodes.size()));
        return URI.create(node.directUrl() + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }
}
