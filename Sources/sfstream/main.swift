import Foundation
import SFStreamCommandLine

MallocTuning.returnLargeBlocksToSystem()
let status = await SFStreamCommand.main(
    arguments: Array(CommandLine.arguments.dropFirst()),
    environment: ProcessInfo.processInfo.environment
)
exit(status)
