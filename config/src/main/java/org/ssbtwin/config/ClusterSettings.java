package org.ssbtwin.config;
import org.ssbtwin.core.config.ConfigReader;

import com.typesafe.config.Config;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a node takes part in the cluster (the {@code twin.cluster} block): its roles and whether it forms the
 * cluster through Pekko Cluster Bootstrap (Kubernetes) instead of seed nodes, and whether it serves Pekko Management
 * (health checks {@code /ready} and {@code /alive}, {@code /cluster/members}, {@code /cluster/shards/<type>}); bootstrap
 * implies management.
 *
 * <ul>
 *   <li>{@value #ENTITIES}: hosts the sharded station, cell and pack entities;</li>
 *   <li>{@value #API}: binds the HTTP API and reaches the entities through sharding (a proxy when it has no
 *       {@value #ENTITIES} role);</li>
 *   <li>{@value #READ_SIDE}: may run the fleet projection ({@code twin.read-side.projection-role}) away from the
 *       entities, whose nodes then spend their CPU on writes only.</li>
 * </ul>
 */
public record ClusterSettings(Set<String> roles, boolean bootstrap, boolean management) {
    public static final String API = "api";
    public static final String ENTITIES = "entities";
    public static final String READ_SIDE = "read-side";
    /** Every role a node may have. */
    public static final Set<String> ROLES = Set.of(API, ENTITIES, READ_SIDE);

    public ClusterSettings {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Reads {@code twin.cluster}; roles may be a list or, from the environment, a comma-separated string. */
    public static ClusterSettings from(Config root) {
        ConfigReader c = ConfigReader.block(root, "twin.cluster");
        List<String> roles = c.strings("roles", ROLES);
        c.check(roles == null || !roles.isEmpty(), "roles", "must name at least one of " + new TreeSet<>(ROLES) + ", was []");
        Boolean bootstrap = c.onOff("bootstrap");
        Boolean management = c.onOff("management");
        c.throwIfProblems();
        return new ClusterSettings(new LinkedHashSet<>(roles), bootstrap, bootstrap || management);
    }
}
