internal import CZlib

/// A gzip (RFC 1952) compressor for `--compress`: zlib's deflate at its default level with a gzip
/// header carrying no name and mtime 0, so the same bytes in give the same bytes out on every run.
/// `final class`: owns zlib's stream state, freed on deinit.
final class GzipDeflater {
    private var stream = z_stream()
    private var output = [UInt8](repeating: 0, count: 1 << 16)
    private var ended = false

    /// A compressor; fails only when zlib cannot allocate its state.
    init() throws {
        // windowBits 15 + 16: a gzip wrapper instead of zlib's.
        let status = deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                                   zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw EntenteError.software("cannot start gzip compression (zlib status \(status))") }
    }

    /// Compresses `bytes` and hands the compressed bytes produced so far to `sink`.
    func compress(_ bytes: [UInt8], into sink: ([UInt8]) throws -> Void) throws {
        guard !bytes.isEmpty else { return }
        try bytes.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = UInt32(input.count)
            try run(flush: Z_NO_FLUSH, sink: sink)
        }
        stream.next_in = nil
    }

    /// Ends the gzip stream (the rest of the data and the CRC-32 and length trailer) into `sink`.
    func finish(into sink: ([UInt8]) throws -> Void) throws {
        guard !ended else { return }
        try run(flush: Z_FINISH, sink: sink)
        deflateEnd(&stream)
        ended = true
    }

    private func run(flush: Int32, sink: ([UInt8]) throws -> Void) throws {
        while true {
            let (status, produced) = output.withUnsafeMutableBufferPointer { buffer -> (Int32, Int) in
                stream.next_out = buffer.baseAddress
                stream.avail_out = UInt32(buffer.count)
                let status = deflate(&stream, flush)
                return (status, buffer.count - Int(stream.avail_out))
            }
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                throw EntenteError.software("gzip compression failed (zlib status \(status))")
            }
            if produced > 0 { try sink(Array(output[0..<produced])) }
            if flush == Z_FINISH ? status == Z_STREAM_END : (stream.avail_in == 0 && produced < output.count) { return }
        }
    }

    deinit { if !ended { deflateEnd(&stream) } }
}
