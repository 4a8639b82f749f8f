import Foundation
import Synchronization
import Testing
import SFStreamLogging

#if canImport(Glibc)
import Glibc
#endif

@Suite struct FileDescriptorLineOutputTests {
    /// Lines written from several threads at once arrive whole, each on its own line.
    @Test func concurrentLinesNeverInterleave() throws {
        var descriptors: [Int32] = [0, 0]
        try #require(pipe(&descriptors) == 0)
        let output = FileDescriptorLineOutput(descriptor: descriptors[1])
        let received = Mutex<[UInt8]>([])
        let reader = Thread { [readEnd = descriptors[0]] in
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = read(readEnd, &buffer, buffer.count)
                if count <= 0 { break }
                received.withLock { $0.append(contentsOf: buffer[0..<count]) }
            }
        }
        reader.start()

        let threads = 8
        let linesPerThread = 300
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            let padding = String(repeating: Character(UnicodeScalar(UInt8(65 + thread))), count: 200)
            for index in 0..<linesPerThread {
                output.writeLine("thread=\(thread) line=\(index) \(padding)")
            }
        }
        close(descriptors[1])
        while !reader.isFinished { usleep(1000) }
        close(descriptors[0])

        let lines = String(decoding: received.withLock { $0 }, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == threads * linesPerThread)
        for line in lines {
            let fields = line.split(separator: " ")
            #expect(fields.count == 3, "\(line.prefix(80))")
            guard fields.count == 3, let thread = Int(fields[0].dropFirst("thread=".count)) else { continue }
            let letter = Character(UnicodeScalar(UInt8(65 + thread)))
            #expect(fields[2].count == 200, "\(line.prefix(80))")
            #expect(fields[2].allSatisfy { $0 == letter }, "\(line.prefix(80))")
        }
    }
}
