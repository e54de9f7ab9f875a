/// EntenteKit reads and writes files around the model core; its clients (the CLI, the benchmark, tests)
/// see the core's types through it, so they need only `import EntenteKit`.
@_exported import EntenteCore
