/**
 * Charts the twin renders as PNG (XChart, headless): the capacity-SoH line chart that fleet studies and what-if
 * scenarios both draw their percentiles on.
 */
package org.ssbtwin.api.chart;
