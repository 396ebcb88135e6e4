package org.ssbtwin.fleet.pack;

import org.ssbtwin.core.TwinSerializable;
import org.ssbtwin.fleet.ageing.DailyTelemetry;

/** One telemetry record: a day of one pack's use, with its idempotency key. */
public record TelemetryRecord(String recordId, DailyTelemetry day) implements TwinSerializable {}
