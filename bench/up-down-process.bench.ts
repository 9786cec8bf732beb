/**
 * `berth up` + `berth down` as a user runs them (two processes) against `docker compose up -d` + `down`, on the
 * 12-service stack, alternating which goes first; and against the engine floor (the same Engine API calls made
 * directly). Issue 19's targets: wall ≤ 0.8× Compose, CPU ≤ 1.5× Compose, wall ≤ 1.1× the floor.
 */
import { runUpDownRounds } from './up-down-rounds';

export const run = () => runUpDownRounds({ busy: false });
