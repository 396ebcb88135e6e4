package org.ssbtwin.core.plant.sim;

import org.ssbtwin.core.plant.ScrapCause;

/** One bar of the scrap Pareto: items scrapped for a cause and its share of all scrapped items. */
public record ScrapShare(ScrapCause cause, long count, double share) {}
