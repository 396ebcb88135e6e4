package org.ssbtwin.fleet.ageing.reference;

/**
 * The incremental ("equivalent-time") state-update rules of BLAST-Lite 1.1.0
 * ({@code _update_power_state}, {@code _update_power_B_state}, {@code _update_sigmoid_state},
 * {@code _update_exponential_relax_state}; reference-ageing-models.md section 1.4).
 *
 * <p>Each rule returns the state increment over a step {@code dx} of the independent variable (days or EFC).
 * The trajectory is inverted at the current state to an equivalent x, then one explicit step is taken with the
 * slope there. On the first step ({@code y0 == 0}) the exact trajectory value f(dx) is used; {@code dx == 0}
 * gives 0. There is no guard: a sigmoid state at or above its asymptote yields NaN, as in BLAST.
 */
public final class StateUpdateRules {

    private StateUpdateRules() {
    }

    /** Power law y = k x^p. */
    public static double power(double y0, double dx, double k, double p) {
        double dydx;
        if (y0 == 0) {
            if (dx == 0) {
                dydx = 0;
            } else {
                double y = k * Math.pow(dx, p);
                dydx = y / dx;
            }
        } else if (dx == 0) {
            dydx = 0;
        } else {
            dydx = k * p * Math.pow(y0 / k, (p - 1) / p);
        }
        return dydx * dx;
    }

    /** Power law of the form y = (k x)^p. */
    public static double powerB(double y0, double dx, double k, double p) {
        double dydx;
        if (y0 == 0) {
            if (dx == 0) {
                dydx = 0;
            } else {
                double y = Math.pow(k * dx, p);
                dydx = y / dx;
            }
        } else if (dx == 0) {
            dydx = 0;
        } else {
            double z = Math.pow(y0, 1 / p) / k;
            dydx = (p * Math.pow(k * z, p)) / z;
        }
        return dydx * dx;
    }

    /** Sigmoid y = 2 y_inf (1/2 - 1/(1 + exp((k x)^p))); NaN once {@code y0 >= yInf} (BLAST behaviour). */
    public static double sigmoid(double y0, double dx, double yInf, double k, double p) {
        double dydx;
        if (y0 == 0) {
            if (dx == 0) {
                dydx = 0;
            } else {
                double dy = 2 * yInf * (0.5 - 1 / (1 + Math.exp(Math.pow(k * dx, p))));
                dydx = dy / dx;
            }
        } else if (dx == 0) {
            dydx = 0;
        } else {
            double xInv = (1 / k) * Math.pow(Math.log(-(2 * yInf / (y0 - yInf)) - 1), 1 / p);
            double z = Math.pow(k * xInv, p);
            double ez = Math.exp(z);
            double ez1 = ez + 1;
            dydx = (2 * yInf * p * ez * z) / (xInv * (ez1 * ez1));
        }
        return dydx * dx;
    }

    /** Exponential relaxation y = y_inf (1 - exp(-tau x)), slope clipped at 0 (not used by the three main models). */
    public static double exponentialRelaxation(double y0, double dx, double yInf, double tau) {
        double dydx;
        if (dx == 0) {
            dydx = 0;
        } else {
            dydx = (tau * yInf * yInf) / (yInf - y0);
            if (dydx < 0) {
                dydx = 0;
            }
        }
        return dydx * dx;
    }
}
