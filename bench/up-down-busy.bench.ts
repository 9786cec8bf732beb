/** The up-down-process bench with the machine busy: a CPU-bound process spins on one of the cores throughout. */
import { runUpDownRounds } from './up-down-rounds';

export const run = () => runUpDownRounds({ busy: true });
