package org.ssbtwin.fleet.design;

/**
 * How the VinFast-ProLogium joint venture builds a pack from cells with ProLogium's MAB technology (DOMAIN 1.3,
 * InsideEVs 2021-03): the cells form modules that form the pack, or go straight into the pack.
 */
public enum PackFormat {
    /** Cell-is-module: cells form modules, modules form the pack. */
    CIM,
    /** Cell-is-pack: cells go straight into the pack, no module level. */
    CIP
}
