package org.ssbtwin.api.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.UniqueAddress;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Down;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ssbtwin.config.JournalLeaseSettings;
import org.ssbtwin.config.TwinSettings;

/**
 * Keeps this node's view of the {@link JournalLease}: on its own thread (JDBC never runs on an actor or HTTP
 * thread) it reads the lease every {@code renew-interval}; the oldest reachable Up member of the cluster renews it
 * (compare-and-set on the holder and renewal time, so two clusters never both win), a free lease is taken by the oldest
 * member once this node's journal replay is done. {@link #owned()} is true while this node's cluster owns the journal;
 * {@link #firstOwned()} completes with the lease (and so the cluster-wide clock) the first time. A node that sees
 * another, live cluster renewing the lease is not ready and, with {@code leave-foreign-cluster}, downs itself.
 */
public final class JournalOwnership implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JournalOwnership.class);
    private static final int LEASE_ID = 1;
    /** Looks at the lease in a row that saw another cluster renew it, before this node leaves. */
    private static final int FOREIGN_LOOKS_BEFORE_LEAVING = 3;
    private static final Map<org.apache.pekko.actor.ActorSystem, JournalOwnership> BY_SYSTEM = new ConcurrentHashMap<>();

    private final TwinSettings.Database db;
    private final JournalLeaseSettings settings;
    private final Cluster cluster;
    private final Instant configuredStart;
    private final double speedUp;
    private final Supplier<Optional<Optional<Instant>>> replayedLastEvent;
    private final ScheduledExecutorService thread;
    private final CompletableFuture<JournalLease> firstOwned = new CompletableFuture<>();
    private volatile boolean owned;
    private volatile long lastSuccessfulLookMillis;
    private volatile JournalLease.Verdict verdict;
    private Connection connection;
    private Long renewalSeen;
    private String holderSeen;
    private int foreignLooks;

    /**
     * @param replayedLastEvent empty until this node's journal replay is done, then the latest recorded event's time
     *        (if any): only a node that has replayed takes a free lease, so that the clock resumes after its events
     */
    public JournalOwnership(ActorSystem<?> system, TwinSettings.Database db, JournalLeaseSettings settings, Instant configuredStart,
                            double speedUp, Supplier<Optional<Optional<Instant>>> replayedLastEvent) {
        this.db = db;
        this.settings = settings;
        this.cluster = Cluster.get(system);
        this.configuredStart = configuredStart;
        this.speedUp = speedUp;
        this.replayedLastEvent = replayedLastEvent;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "journal-lease");
            t.setDaemon(true);
            return t;
        });
        createTable();
        org.apache.pekko.actor.ActorSystem classic = org.apache.pekko.actor.typed.javadsl.Adapter.toClassic(system);
        BY_SYSTEM.put(classic, this);
        system.getWhenTerminated().thenRun(() -> {
            BY_SYSTEM.remove(classic);
            thread.shutdownNow(); // a terminated node (crashed in a test, or downed) renews nothing
        });
        long every = settings.renewInterval().toMillis();
        thread.scheduleWithFixedDelay(this::look, 0, every, TimeUnit.MILLISECONDS);
    }

    /** The ownership of a node's actor system, for the management health check; empty before the node started it. */
    public static Optional<JournalOwnership> of(org.apache.pekko.actor.ActorSystem system) {
        return Optional.ofNullable(BY_SYSTEM.get(system));
    }

    /** True while this node's cluster owns the journal (and the database answered within the lease's expiry). */
    public boolean owned() {
        return owned && System.currentTimeMillis() - lastSuccessfulLookMillis <= settings.expiry().toMillis();
    }

    /** The latest verdict, for health details; null before the first look. */
    public JournalLease.Verdict verdict() {
        return verdict;
    }

    public CompletableFuture<JournalLease> firstOwned() {
        return firstOwned;
    }

    private void look() {
        try {
            Member self = cluster.selfMember();
            if (self.status() != MemberStatus.up()) return; // joining: the membership is not known yet
            String me = unique(self.uniqueAddress());
            Set<String> members = new TreeSet<>();
            Member oldestReachable = null;
            Set<Member> unreachable = new java.util.HashSet<>();
            cluster.state().getUnreachable().forEach(unreachable::add);
            for (Member m : cluster.state().getMembers()) {
                if (m.status() == MemberStatus.down() || m.status() == MemberStatus.removed()) continue;
                members.add(unique(m.uniqueAddress()));
                if (m.status() == MemberStatus.up() && !unreachable.contains(m) && (oldestReachable == null || m.isOlderThan(oldestReachable))) {
                    oldestReachable = m;
                }
            }
            boolean renewer = self.equals(oldestReachable);
            long now = System.currentTimeMillis();
            Optional<JournalLease> stored = read();
            Optional<Long> seenBefore = stored.isPresent() && stored.get().holder().equals(holderSeen) ? Optional.ofNullable(renewalSeen) : Optional.empty();
            JournalLease.Verdict v = JournalLease.judge(stored, me, members, now, settings.expiry().toMillis(), seenBefore);
            holderSeen = stored.map(JournalLease::holder).orElse(null);
            renewalSeen = stored.map(JournalLease::renewedAtMillis).orElse(null);
            switch (v) {
                case MINE -> {
                    JournalLease lease = stored.get();
                    if (renewer) {
                        JournalLease renewed = new JournalLease(me, members, now, lease.clockOrigin(), lease.clockOriginWallMillis(), lease.speedUp());
                        if (!compareAndSet(lease, renewed)) return; // someone else wrote in between: look again
                        lease = renewed;
                    }
                    ownedBy(lease, now, v);
                }
                case FREE -> {
                    Optional<Optional<Instant>> replayed = replayedLastEvent.get();
                    if (!renewer || replayed.isEmpty()) {
                        notOwned(now, v);
                        return;
                    }
                    Instant origin = JournalLease.resumedClock(configuredStart, replayed.get(), stored);
                    JournalLease taken = new JournalLease(me, members, now, origin, now, speedUp);
                    boolean won = stored.isPresent() ? compareAndSet(stored.get(), taken) : insert(taken);
                    if (!won) {
                        notOwned(now, v);
                        return;
                    }
                    log.info("this cluster takes the journal lease ({} members); virtual time resumes at {}", members.size(), origin);
                    ownedBy(taken, now, JournalLease.Verdict.MINE);
                }
                case HELD -> {
                    if (owned) log.warn("the journal lease is held by {}, not by this cluster", stored.get().holder());
                    notOwned(now, v);
                }
                case FOREIGN -> {
                    notOwned(now, v);
                    foreignLooks++;
                    log.error("another cluster (holder {}, {} members) owns the journal and keeps renewing it: this node ({}) is not READY",
                            stored.get().holder(), stored.get().members().size(), me);
                    if (settings.leaveForeignCluster() && foreignLooks == FOREIGN_LOOKS_BEFORE_LEAVING) {
                        log.error("this node downs itself to leave the foreign cluster; restarted, it joins the owning cluster through its seed nodes");
                        cluster.manager().tell(new Down(self.address()));
                    }
                }
            }
            if (v != JournalLease.Verdict.FOREIGN) foreignLooks = 0;
        } catch (SQLException e) {
            log.warn("journal lease not readable: {}", e.toString());
            closeConnection();
        } catch (RuntimeException e) {
            log.warn("journal lease look failed: {}", e.toString());
        }
    }

    private void ownedBy(JournalLease lease, long now, JournalLease.Verdict v) {
        verdict = v;
        lastSuccessfulLookMillis = now;
        if (!owned) owned = true;
        firstOwned.complete(lease);
    }

    private void notOwned(long now, JournalLease.Verdict v) {
        verdict = v;
        lastSuccessfulLookMillis = now;
        owned = false;
    }

    /**
     * Stops looking; the last member of a cluster marks the lease expired, so that the next start (a restart of this
     * single node, or a new cluster) takes it at once instead of after the expiry.
     */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Member self = cluster.selfMember();
            long others = 0;
            for (Member m : cluster.state().getMembers()) {
                if (!m.equals(self) && (m.status() == MemberStatus.up() || m.status() == MemberStatus.weaklyUp())) others++;
            }
            Optional<JournalLease> stored = read();
            if (others == 0 && stored.isPresent() && stored.get().holder().equals(unique(self.uniqueAddress()))) {
                JournalLease l = stored.get();
                // the clock stands still from the last renewal: a restart resumes it there (JournalLease.resumedClock)
                long now = System.currentTimeMillis();
                Instant virtualNow = l.virtualAt(now);
                compareAndSet(l, new JournalLease(l.holder(), Set.of(), 0, virtualNow, 0, l.speedUp()));
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("journal lease not released: {}", e.toString());
        } finally {
            owned = false;
            closeConnection();
        }
    }

    static String unique(UniqueAddress a) {
        return a.address().toString() + "#" + a.longUid();
    }

    // ---- JDBC (only on the lease's own thread, and in close after it stopped) ----

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = DriverManager.getConnection(db.url(), db.user(), db.password());
            connection.setAutoCommit(true);
        }
        return connection;
    }

    private void closeConnection() {
        try {
            if (connection != null) connection.close();
        } catch (SQLException ignored) {
            // already broken
        }
        connection = null;
    }

    private void createTable() {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password()); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS twin_journal_lease (lease_id INT NOT NULL PRIMARY KEY, holder VARCHAR(1000) NOT NULL, "
                    + "members VARCHAR(100000) NOT NULL, renewed_at_millis BIGINT NOT NULL, clock_origin_millis BIGINT NOT NULL, "
                    + "clock_origin_wall_millis BIGINT NOT NULL, speed_up DOUBLE PRECISION NOT NULL)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the journal lease table in " + db.url() + ": " + e.getMessage(), e);
        }
    }

    private Optional<JournalLease> read() throws SQLException {
        try (PreparedStatement ps = connection().prepareStatement("SELECT holder, members, renewed_at_millis, clock_origin_millis, "
                + "clock_origin_wall_millis, speed_up FROM twin_journal_lease WHERE lease_id = ?")) {
            ps.setInt(1, LEASE_ID);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                String members = rs.getString(2);
                return Optional.of(new JournalLease(rs.getString(1),
                        members.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(members.split(" "))), rs.getLong(3),
                        Instant.ofEpochMilli(rs.getLong(4)), rs.getLong(5), rs.getDouble(6)));
            }
        }
    }

    private boolean insert(JournalLease l) throws SQLException {
        try (PreparedStatement ps = connection().prepareStatement("INSERT INTO twin_journal_lease (lease_id, holder, members, "
                + "renewed_at_millis, clock_origin_millis, clock_origin_wall_millis, speed_up) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, LEASE_ID);
            bind(ps, 2, l);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) return false; // another node inserted first
            throw e;
        }
    }

    private boolean compareAndSet(JournalLease expected, JournalLease next) throws SQLException {
        try (PreparedStatement ps = connection().prepareStatement("UPDATE twin_journal_lease SET holder = ?, members = ?, "
                + "renewed_at_millis = ?, clock_origin_millis = ?, clock_origin_wall_millis = ?, speed_up = ? "
                + "WHERE lease_id = ? AND holder = ? AND renewed_at_millis = ?")) {
            bind(ps, 1, next);
            ps.setInt(7, LEASE_ID);
            ps.setString(8, expected.holder());
            ps.setLong(9, expected.renewedAtMillis());
            return ps.executeUpdate() == 1;
        }
    }

    private static void bind(PreparedStatement ps, int first, JournalLease l) throws SQLException {
        ps.setString(first, l.holder());
        ps.setString(first + 1, String.join(" ", new TreeSet<>(l.members())));
        ps.setLong(first + 2, l.renewedAtMillis());
        ps.setLong(first + 3, l.clockOrigin().toEpochMilli());
        ps.setLong(first + 4, l.clockOriginWallMillis());
        ps.setDouble(first + 5, l.speedUp());
    }
}
