import Foundation

/// Measuring one container.
extension DockerClient {
    /// A container's writable-layer size and virtual size, as `GET /containers/{id}/json?size=1`
    /// reports them: cheaper than `size=1` on the whole list, which walks every container.
    public struct ContainerSize: Sendable, Hashable, Decodable {
        /// `SizeRw`: bytes written on top of the image.
        public var sizeRw: Int64?
        /// `SizeRootFs`: image and writable layers together (the virtual size).
        public var sizeRootFs: Int64?
        public init(sizeRw: Int64?, sizeRootFs: Int64?) {
            self.sizeRw = sizeRw
            self.sizeRootFs = sizeRootFs
        }

        enum CodingKeys: String, CodingKey {
            case sizeRw = "SizeRw"
            case sizeRootFs = "SizeRootFs"
        }
    }

    /// `GET /containers/{id}/json?size=1` on the engine that runs it.
    /// - Parameter timeout: seconds (sizes deserve a longer one than lists).
    /// - Throws: `DockerError` (404 "No such container" when it is gone).
    public func containerSize(id: String, timeout: TimeInterval? = nil) async throws -> ContainerSize {
        let path = EnginePath.containerSize(id: id)
        return try await get(ContainerSize.self, path, timeout: timeout)
    }
}
