package dev.jakartamcp.cluster;

/**
 * What the nodes of a cluster share, behind one small SPI: Payara Micro's Hazelcast data grid when
 * the node is in one ({@link HazelcastGrid}), else this node's memory ({@link LocalGrid}: a single
 * node, WildFly, or Payara with {@code --nocluster}). Values cross the grid as strings (JSON where
 * they have structure): application classes in Hazelcast maps meet class-loader trouble in Payara.
 */
public interface Grid {

    /** Whether other nodes see what this one writes. */
    boolean clustered();

    /** A map of strings by name, the same map on every node. */
    SharedMap map(String name);

    /** A short description for the log: the grid's members, or "this node only". */
    String describe();
}
