extension Shard {
    /// The shard of a Slurm job-array task, from `SLURM_ARRAY_TASK_ID`, `_COUNT`, `_MIN`, `_MAX` and
    /// `_STEP`; nil outside an array (no `SLURM_ARRAY_TASK_ID`). Returns the shard and a note naming
    /// the variables it came from.
    ///
    /// Task ids run from MIN to MAX by STEP (`--array=0-6:2` gives 0, 2, 4, 6): task id → shard
    /// (id − MIN) / STEP, of (MAX − MIN) / STEP + 1 shards. MIN defaults to 0, STEP to 1, MAX to
    /// MIN + (COUNT − 1)·STEP. A variable that is not a whole number, a task id that is not on that
    /// progression, or a COUNT that disagrees with it (a sparse list such as `--array=0,2,5`) is
    /// refused (exit 64): running the whole sweep instead would duplicate it in every task.
    public static func fromSlurm(environment: [String: String]) throws -> (shard: Shard, note: String)? {
        func number(_ name: String) throws -> Int? {
            guard let text = environment[name] else { return nil }
            guard let value = Int(text), value >= 0 else {
                throw EntenteError.usage("\(name)='\(text)' is not a whole number ≥ 0; entente reads it to choose this task's shard (or pass --shard K/N)")
            }
            return value
        }
        let idName = "SLURM_ARRAY_TASK_ID"
        guard let id = try number(idName) else { return nil }
        let count = try number("SLURM_ARRAY_TASK_COUNT")
        let minimum = try number("SLURM_ARRAY_TASK_MIN") ?? 0
        let step = try number("SLURM_ARRAY_TASK_STEP") ?? 1
        guard step >= 1 else {
            throw EntenteError.usage("SLURM_ARRAY_TASK_STEP='0' is not a step of a job array; expected 1 or more (or pass --shard K/N)")
        }
        var maximum = try number("SLURM_ARRAY_TASK_MAX")
        if maximum == nil, let count { maximum = minimum + (count - 1) * step }
        guard let maximum else {
            throw EntenteError.usage("\(idName)=\(id) is set but neither SLURM_ARRAY_TASK_COUNT nor SLURM_ARRAY_TASK_MAX is, so the number of shards is unknown; pass --shard K/N")
        }
        let variables = "\(idName)=\(id), SLURM_ARRAY_TASK_MIN=\(minimum), SLURM_ARRAY_TASK_MAX=\(maximum), SLURM_ARRAY_TASK_STEP=\(step)"
            + (count.map { ", SLURM_ARRAY_TASK_COUNT=\($0)" } ?? "")
        guard maximum >= minimum, (maximum - minimum) % step == 0 else {
            throw EntenteError.usage("\(variables): task ids from MIN to MAX by STEP must end at MAX; submit the array as --array=0-(N-1) or pass --shard K/N")
        }
        let shards = (maximum - minimum) / step + 1
        if let count, count != shards {
            throw EntenteError.usage("\(variables): a sparse array (such as --array=0,2,5) does not number its tasks as shards; submit it as --array=0-\(count - 1) or pass --shard K/N")
        }
        guard id >= minimum, id <= maximum, (id - minimum) % step == 0 else {
            throw EntenteError.usage("\(variables): task id \(id) is not one of the array's ids; submit the array as --array=0-\(shards - 1) or pass --shard K/N")
        }
        let shard = Shard(index: (id - minimum) / step, count: shards)
        return (shard, "running shard \(shard) from \(variables)")
    }
}
