import Foundation
import Playlists

/// The collection `serve` answers from. It is replaced whole when the store changes, and each request
/// takes `current` once, so one request never mixes two versions of the collection.
final class LiveCatalog: @unchecked Sendable {
    private let lock = NSLock()
    private var catalog: Catalog

    init(_ catalog: Catalog) {
        self.catalog = catalog
    }

    var current: Catalog { lock.withLock { catalog } }

    func replace(with catalog: Catalog) {
        lock.withLock { self.catalog = catalog }
    }
}
