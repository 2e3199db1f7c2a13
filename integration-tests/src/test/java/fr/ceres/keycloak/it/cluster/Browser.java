package fr.ceres.keycloak.it.cluster;

import fr.ceres.keycloak.it.support.PortalHttp;

/** A browser behind the cluster's load balancer, and the route its requests take. */
record Browser(PortalHttp http, NodeRoute route) {

    /** The browser, every request from now on to {@code node}. */
    PortalHttp pinned(int node) {
        route.pin(node);
        return http;
    }
}
