/**
 * Every tuning number of the search in one place. Work units are the search's own count of what it
 * does (a candidate looked at, a knapsack cell, a branch-and-bound node), so the same budget buys
 * the same search on any machine.
 */

/** Comparisons of objective values below this are ties. */
export const EPS = 1e-9;

// --- Budget
/** Work units per candidate (task, vehicle) of the model in the default budget: the search scales with the instance. */
export const WORK_PER_CANDIDATE = 30;
/** The default budget never goes below this (small cities still get a real search)... */
export const MIN_WORK = 250_000;
/** ...nor above this. */
export const MAX_WORK = 60_000_000;
/**
 * Share of the default budget a search gets when it starts from a given plan (the plan kept ready)
 * rather than from nothing. On the bench's large city (3% of vehicles and 2% of crews gone, two zones a
 * level lower) 0.3 left 242 of the model's tier-1 lane-km out with the start 10 minutes later (cold, the
 * full budget: 250-255 over seeds 1-3) and 257 with it 2 hours later (cold: 253-264); the whole budget
 * gave no more (240-272). After the schedule's fill the cold plans still lead (bench:readiness).
 */
export const START_WORK_SHARE = 0.3;
/**
 * Work units per candidate for a plan made ahead of the snow (the plan kept ready on watch): made in a poll
 * while the snow is still hours away, off the first wave's path, it may think fifteen times an activation's
 * default. On the bench's large city (5,000 roads, 330,000 candidates in the model) that is about 1.5e8 units;
 * gap against the LP bound (bench:planner, 2026-12-07): 1e7 (an activation's) 80-81 %, 1e8 37-44 %, 1.3e8
 * 37 %, 1.5e8 32 %, 2e8 33 %, at 6.6 s of CPU for 1.5e8 on this machine.
 */
export const READY_WORK_PER_CANDIDATE = 450;
/** ...never above this (a 50,000-road city's model has 3.4e6 candidates; the poller's safety cap bounds it too). */
export const MAX_READY_WORK = 150_000_000;
/** The wall-clock safety cap is looked at once per this many work units. */
export const SAFETY_CHECK_EVERY = 50_000;
/** Share of the budget the first polish of the start may use. */
export const FIRST_POLISH_SHARE = 0.2;
/** Share of the budget (after the first polish) the destroy-and-repair loop uses; the rest polishes the best plan. */
export const SEARCH_SHARE = 0.88;
/** Share of what is left that a periodic polish may use. */
export const PERIODIC_POLISH_SHARE = 0.1;

// --- Construction
/** Rounds of demand-driven pairing and insertion in the construction. */
export const CONSTRUCTION_ROUNDS = 3;

// --- Insertion
/** Ejection looks at this many of a task's cheapest crewed candidates. */
export const MAX_EJECTION_TRIES = 8;
/** Unassigned tasks of a touched vehicle brought into the repair pool. */
export const RELATED_PER_VEHICLE = 3;
/** Noise in the insertion order during the search (0 in polishing). */
export const INSERTION_NOISE = 0.3;
/** The tier dominates the insertion key: a tier's step is larger than any value density. */
export const TIER_KEY_STEP = 1e15;

// --- Repacking
/** Unassigned tasks a re-pack considers besides the vehicle's own. */
export const REPACK_EXTRA = 24;
/** Branch-and-bound nodes per group re-pack: GROUP_NODE_WORK / tasks, at most MAX_GROUP_NODES. */
export const GROUP_NODE_WORK = 4e6;
export const MAX_GROUP_NODES = 8_000;
/** Branch-and-bound nodes per polishing re-pack: POLISH_NODE_WORK / tasks, at most MAX_POLISH_NODES. */
export const POLISH_NODE_WORK = 2e8;
export const MAX_POLISH_NODES = 300_000;
/** Knapsack cells counted as one work unit. */
export const KNAPSACK_CELLS_PER_UNIT = 16;

// --- Neighbourhoods
/** Same-class vehicles with the nearest depots: the "related" routes of a vehicle. */
export const NEIGHBOURS = 6;
/** How many of a vehicle's most valuable candidate tasks tell whether valuable work waits for it. */
export const WAITING_LOOKAHEAD = 6;

// --- Search loop
/** Work counted for an iteration's own bookkeeping, so that every iteration costs something. */
export const ITERATION_WORK = 8;
/** Iterations between periodic polishing passes. */
export const POLISH_EVERY = 4000;
/** Removal size: 2 + up to min(MAX_REMOVED, max(MIN_REMOVED_SPAN, REMOVED_SHARE × tasks)) random tasks. */
export const MAX_REMOVED = 30;
export const MIN_REMOVED_SPAN = 4;
export const REMOVED_SHARE = 0.05;
/** Cumulative probabilities of the destroy operators, in the order optimise lists them. */
export const OPERATOR_WEIGHTS = { rePair: 0.2, crewToIdleVehicle: 0.1, exactRepack: 0.1, relatedRoutes: 0.25, tier1Finish: 0.1 } as const;
/** Idle vehicles sampled when looking for one with waiting work, and how deep into its list. */
export const IDLE_SAMPLES = 8;
export const IDLE_LOOKAHEAD = 12;
/** Chance a crew leaving a vehicle hands it to an idle crew. */
export const HAND_OVER_CHANCE = 0.5;
/** Chances of the exact re-pack operator: three vehicles together, else two. */
export const TRIPLE_REPACK_CHANCE = 0.15;
export const PAIR_REPACK_CHANCE = 0.5;
/** Related routes lose between this share of their tasks and all of them. */
export const MIN_ROUTE_LOSS = 0.3;
/** Chance each tier-1 task of the team finishing tier 1 last is taken off it. */
export const TIER1_LOSS_CHANCE = 0.5;
/** Unassigned tasks drawn at random bring this many of their cheapest vehicles into the repair. */
export const RANDOM_TASK_VEHICLES = 3;

// --- Acceptance (simulated annealing)
/** Start temperature: this share of the start's objective (at least 1). */
export const START_TEMPERATURE_SHARE = 2e-4;
/** The temperature falls by this factor from the start to the end of the search. */
export const COOLING = 1e-7;

// --- Local moves
/** Rounds of single-task relocation while one helps. */
export const RELOCATE_ROUNDS = 3;
/** A swap may add this many tier-1 hours' worth of cost before the objective judges it. */
export const SWAP_SLACK_HOURS = 8;
