// Test classes run in parallel, 3 at a time, on any machine: each of these tests starts several processes of its own
// (Workers, MariaDB restarts), so more at once would measure the machine rather than the Worker.
[assembly: CollectionBehavior(MaxParallelThreads = 3)]

// The classes marked [RunsLong] start first (see LongClassesFirst).
[assembly: TestCollectionOrderer(LongClassesFirst.TypeName, LongClassesFirst.AssemblyName)]
