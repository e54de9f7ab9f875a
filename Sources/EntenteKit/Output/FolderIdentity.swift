import Foundation

/// A folder's device and inode: which folder a path names, whatever it is called.
struct FolderIdentity: Equatable {
    var device: UInt64
    var inode: UInt64

    /// The identity of the folder at `path` (not following a final symbolic link), or nil.
    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
