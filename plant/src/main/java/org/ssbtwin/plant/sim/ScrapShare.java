package org.ssbtwin.plant.sim;

import org.ssbtwin.plant.layout.ScrapCause;

/** One bar of the scrap Pareto: items scrapped for a cause and its share of all scrapped items. */
public record ScrapShare(ScrapCause cause, long count, double share) {}
