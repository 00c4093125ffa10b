// Test classes run in parallel, 4 at a time (xunit's default is one per core, 2 here). Most of a test's time is spent
// waiting: on MariaDB, on the fake Kakao, on a child process starting. Tests that cannot share the machine say so
// with a collection of their own.
[assembly: CollectionBehavior(MaxParallelThreads = 4)]

// The classes marked [RunsLong] start first (see LongClassesFirst).
[assembly: TestCollectionOrderer(LongClassesFirst.TypeName, LongClassesFirst.AssemblyName)]
