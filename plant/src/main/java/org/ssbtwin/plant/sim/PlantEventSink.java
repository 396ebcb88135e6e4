package org.ssbtwin.plant.sim;

/** Receives the simulation's events synchronously, in order, on the caller's thread. */
@FunctionalInterface
public interface PlantEventSink {
    void accept(PlantEvent event);

    PlantEventSink NONE = e -> { };
}
