import Foundation

/// One layer of an image as `docker history` lists it: the instruction that made it and the
/// bytes it added.
///
/// Source: `GET /images/{id}/history` (Engine API v1.41+, `HistoryResponseItem`), newest first.
/// An engine knows the IDs only of the images it built itself: for layers of an image it
/// pulled or loaded (and of its base images), the ID is `<missing>`.
public struct ImageLayer: Codable, Sendable, Hashable {
    /// The ID of the image this layer tops, e.g. `sha256:9a33…`, or `<missing>`.
    public var id: String
    /// Creation time in seconds since 1970.
    public var created: Int64?
    /// The Dockerfile instruction as the builder recorded it, e.g. `/bin/sh -c #(nop) COPY …`.
    /// Unescaped: it may hold any text the image's author wrote.
    public var createdBy: String?
    /// Tags of the image this layer tops, when it is one with a tag.
    public var tags: [String]?
    /// Bytes this layer adds (0 for metadata-only instructions such as `CMD`).
    public var size: Int64
    /// The builder's comment, if any.
    public var comment: String?

    /// The ID the engine gives layers it did not build (`docker history` prints it as is).
    public static let missingID = "<missing>"

    /// True when the engine has no ID for this layer: it was built elsewhere.
    public var isMissing: Bool { id == Self.missingID }

    public init(id: String, created: Int64? = nil, createdBy: String? = nil, tags: [String]? = nil, size: Int64, comment: String? = nil) {
        self.id = id
        self.created = created
        self.createdBy = createdBy
        self.tags = tags
        self.size = size
        self.comment = comment
    }

    enum CodingKeys: String, CodingKey {
        case id = "Id", created = "Created", createdBy = "CreatedBy", tags = "Tags", size = "Size", comment = "Comment"
    }
}
