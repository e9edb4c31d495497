// swarmtop-fuzz TARGET [libFuzzer options] [corpus dirs]: runs one of the fuzz targets
// (`FuzzTarget`, e.g. `engine-json`) under libFuzzer. Built with `-sanitize=fuzzer,address`.
import Foundation
import FuzzTargets

/// libFuzzer's entry for a program that has its own `main` (SwiftPM renames a Swift `main`, so
/// libFuzzer's own cannot be used): parses the options in `argv` and calls `callback` per input.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// The target this process fuzzes, from the first argument.
nonisolated(unsafe) var target = FuzzTarget.engineJSON

/// One input (libFuzzer's callback; also the symbol its unused `main` refers to).
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    target.run(data.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? [])
    return 0
}

let arguments = CommandLine.arguments
guard arguments.count >= 2, let chosen = FuzzTarget(rawValue: arguments[1]) else {
    FileHandle.standardError.write(Data("usage: swarmtop-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) [libFuzzer options] [corpus dirs]\n".utf8))
    exit(64)
}
target = chosen
// libFuzzer sees argv without the target name.
var argv = [CommandLine.unsafeArgv[0]] + (2..<Int(CommandLine.argc)).map { CommandLine.unsafeArgv[$0] }
var argc = CInt(argv.count)
exit(argv.withUnsafeMutableBufferPointer { buffer in
    var base = buffer.baseAddress!
    return LLVMFuzzerRunDriver(&argc, &base, testOneInput)
})
