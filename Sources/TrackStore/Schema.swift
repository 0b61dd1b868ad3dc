import GRDB

/// Append-only migrations: never edit a shipped one, add a new one. Each names its tables and columns
/// literally, never through an application type, so it means the same forever (GRDB's migration guide).
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "track") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("path", .text).notNull().unique()
                t.column("size", .integer).notNull()
                t.column("mtime", .double).notNull()
                t.column("state", .text).notNull().indexed()
                t.column("duration", .double)
                t.column("sampleRate", .integer)
                t.column("channels", .integer)
                t.column("codec", .text)
                t.column("artist", .text)
                t.column("title", .text)
                t.column("album", .text)
                t.column("analyzedAt", .datetime)
            }
            try db.create(table: "signal_features") { t in
                t.primaryKey("trackId", .integer).references("track", onDelete: .cascade)
                t.column("bpm", .double).notNull()
                t.column("bpmConfidence", .double).notNull()
                for suffix in ["Temperley", "Krumhansl", "Edma"] {
                    t.column("key\(suffix)", .text).notNull()
                    t.column("scale\(suffix)", .text).notNull()
                    t.column("strength\(suffix)", .double).notNull()
                }
                t.column("loudnessLufs", .double)
                t.column("loudnessRangeLu", .double)
                t.column("provenance", .text).notNull()
            }
            try db.create(table: "tempocnn_features") { t in
                t.primaryKey("trackId", .integer).references("track", onDelete: .cascade)
                t.column("bpm", .double).notNull()
                t.column("localAgreement", .double).notNull()
                t.column("provenance", .text).notNull()
            }
            try db.create(table: "effnet_features") { t in
                t.primaryKey("trackId", .integer).references("track", onDelete: .cascade)
                t.column("embedding", .blob).notNull()
                t.column("styles", .blob).notNull()
                t.column("voice", .double).notNull()
                t.column("danceability", .double).notNull()
                t.column("provenance", .text).notNull()
            }
            try db.create(table: "musicnn_features") { t in
                t.primaryKey("trackId", .integer).references("track", onDelete: .cascade)
                t.column("embedding", .blob).notNull()
                t.column("valence", .double).notNull()
                t.column("arousal", .double).notNull()
                t.column("provenance", .text).notNull()
            }
            try db.create(table: "analysis_error") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("track", onDelete: .cascade).notNull()
                t.column("path", .text).notNull()
                t.column("stage", .text).notNull()
                t.column("message", .text).notNull()
                t.column("at", .datetime).notNull()
            }
            try db.create(table: "style_label") { t in
                t.primaryKey("idx", .integer)
                t.column("name", .text).notNull()
            }
        }
        migrator.registerMigration("users-and-api-keys") { db in
            try db.create(table: "user") { t in
                t.primaryKey("name", .text)
                t.column("createdAt", .datetime).notNull()
            }
            // Only a SHA-256 of each key is kept: a copy of the store does not let anyone in.
            try db.create(table: "api_key") { t in
                t.primaryKey("hash", .text)
                t.column("userName", .text).notNull().indexed().references("user", onDelete: .cascade)
                t.column("createdAt", .datetime).notNull()
            }
        }
        migrator.registerMigration("track-tags") { db in
            try db.create(table: "track_tags") { t in
                t.primaryKey("trackId", .integer).references("track", onDelete: .cascade)
                t.column("trackNumber", .integer)
                t.column("discNumber", .integer)
                t.column("year", .integer)
                t.column("genre", .text)
                t.column("albumArtist", .text)
                t.column("bitrate", .integer)
                t.column("hasEmbeddedCover", .boolean).notNull().defaults(to: false)
                t.column("provenance", .text).notNull()
            }
        }
        migrator.registerMigration("saved-playlists") { db in
            try db.create(table: "saved_playlist") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull()
                t.column("owner", .text).notNull().indexed()
                t.column("comment", .text)
                // A playlist saved as a query (the web app's filters) rather than a fixed list; nil for a list.
                t.column("query", .text)
                t.column("createdAt", .datetime).notNull()
                t.column("changedAt", .datetime).notNull()
            }
            try db.create(table: "saved_playlist_entry") { t in
                t.belongsTo("playlist", inTable: "saved_playlist", onDelete: .cascade).notNull()
                t.column("position", .integer).notNull()
                t.belongsTo("track", onDelete: .cascade).notNull()
                t.primaryKey(["playlistId", "position"])
            }
        }
        migrator.registerMigration("evidence-group-and-shown-descriptors") { db in
            try db.create(table: "evidence_features") { t in
                t.primaryKey("trackId", .integer).references("track", onDelete: .cascade)
                for column in ["percivalBpm", "danceabilityDsp", "beatMedianBpm", "beatPeak1Bpm", "beatPeak1Weight",
                               "beatPeak2Bpm", "beatPeak2Weight", "tuningHz"] {
                    t.column(column, .double).notNull()
                }
                t.column("keys", .text).notNull()
                t.column("tunedKeys", .text).notNull()
                t.column("provenance", .text).notNull()
            }
            try db.create(table: "shown_descriptors") { t in
                t.primaryKey("trackId", .integer).references("track", onDelete: .cascade)
                t.column("bpm", .double)
                t.column("bpmDecidedBy", .text)
                t.column("key", .text)
                t.column("scale", .text)
                t.column("keyDecidedBy", .text)
                t.column("keyConfidence", .double)
                t.column("danceability", .double)
                t.column("danceabilitySource", .text)
                t.column("ruleVersion", .integer).notNull()
            }
        }
        migrator.registerMigration("track-from-excerpts") { db in
            try db.alter(table: "track") { t in
                t.add(column: "fromExcerpts", .boolean).notNull().defaults(to: false)
            }
        }
        // A file name that is not valid UTF-8 keeps its bytes here; `path` holds its readable form.
        // NULL for every UTF-8 name, so existing rows keep their meaning.
        migrator.registerMigration("track-path-bytes") { db in
            try db.alter(table: "track") { t in
                t.add(column: "pathBytes", .blob)
            }
        }
        migrator.registerMigration("embedding-generation") { db in
            // Bumped by the store itself whenever a kind's stored embedding changes or goes away, so the
            // similarity index cache can tell "only new tracks" (grow the index) from "rebuild".
            try db.create(table: "embedding_generation") { t in
                t.primaryKey("kind", .text)
                t.column("generation", .integer).notNull()
            }
            for (kind, table) in [("effnet", "effnet_features"), ("musicnn", "musicnn_features")] {
                try db.execute(sql: "INSERT INTO embedding_generation (kind, generation) VALUES (?, 0)", arguments: [kind])
                let bump = "UPDATE embedding_generation SET generation = generation + 1 WHERE kind = '\(kind)';"
                try db.execute(sql: """
                    CREATE TRIGGER \(table)_embedding_changed AFTER UPDATE OF embedding ON \(table)
                    WHEN OLD.embedding IS NOT NEW.embedding BEGIN \(bump) END;
                    CREATE TRIGGER \(table)_embedding_removed AFTER DELETE ON \(table) BEGIN \(bump) END;
                    """)
            }
        }
        migrator.registerMigration("music-map-projection") { db in
            // The music map's 2-D projection per embedding, cached so `serve` does not redo it per start.
            try db.create(table: "map_basis") { t in
                t.primaryKey("kind", .text)
                t.column("fingerprint", .text).notNull()
                t.column("mean", .blob).notNull()
                t.column("axisX", .blob).notNull()
                t.column("axisY", .blob).notNull()
                t.column("basisCount", .integer).notNull()
            }
            try db.create(table: "map_point") { t in
                t.column("kind", .text).notNull().references("map_basis", onDelete: .cascade)
                t.column("trackId", .integer).notNull().references("track", onDelete: .cascade)
                t.column("x", .double).notNull()
                t.column("y", .double).notNull()
                // The track's analyzedAt when projected: a re-analyzed track is projected again.
                t.column("stamp", .text).notNull()
                t.primaryKey(["kind", "trackId"])
            }
        }
        migrator.registerMigration("heads-apart-from-embeddings") { db in
            // SQLite stores a row's columns in declaration order and effnet_features declares the 5 KB
            // embedding first, so reading its heads' outputs walked every row's overflow pages (7 GB at
            // 10^6 tracks: most of serve's start-up, 67 MB/s from a cold disk here). They are copied into
            // a narrow table kept by triggers, so every writer stays as it is; rewriting the table in
            // another column order would rewrite each embedding and need twice the disk while migrating.
            let effnet = "effnet_features", heads = "effnet_heads"
            let copy = "INSERT OR REPLACE INTO \(heads) VALUES (NEW.trackId, NEW.styles, NEW.voice, NEW.danceability, NEW.provenance);"
            try db.execute(sql: """
                CREATE TABLE \(heads) (
                    trackId INTEGER PRIMARY KEY NOT NULL REFERENCES track(id) ON DELETE CASCADE,
                    styles BLOB NOT NULL, voice DOUBLE NOT NULL, danceability DOUBLE NOT NULL, provenance TEXT NOT NULL);
                INSERT INTO \(heads) SELECT trackId, styles, voice, danceability, provenance FROM \(effnet);
                CREATE TRIGGER \(heads)_inserted AFTER INSERT ON \(effnet) BEGIN \(copy) END;
                CREATE TRIGGER \(heads)_updated AFTER UPDATE ON \(effnet) BEGIN
                    DELETE FROM \(heads) WHERE trackId = OLD.trackId; \(copy) END;
                CREATE TRIGGER \(heads)_deleted AFTER DELETE ON \(effnet) BEGIN
                    DELETE FROM \(heads) WHERE trackId = OLD.trackId; END;
                """)
            // MusiCNN's 800-byte embedding fits in the row, but a scan of the row still reads it: an index
            // holding the other columns answers the same reads from a twelfth of the pages.
            try db.execute(sql: """
                CREATE INDEX musicnn_features_heads
                ON musicnn_features (valence, arousal, provenance)
                """)
        }
        migrator.registerMigration("tag-writes") { db in
            // Every write of tags into a file by `tonearm tag` (or an undo of such writes), recorded
            // before the tagged copy replaces the file: the sizes and times tell which of the two is
            // on disk after a crash, and oldValues (JSON, the file's own keys) are what an undo puts back.
            try db.execute(sql: """
                CREATE TABLE tag_write (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    trackId INTEGER NOT NULL REFERENCES track(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    state TEXT NOT NULL,
                    oldSize INTEGER NOT NULL, oldMtime DOUBLE NOT NULL,
                    newSize INTEGER NOT NULL, newMtime DOUBLE NOT NULL,
                    oldValues TEXT NOT NULL, newValues TEXT NOT NULL,
                    at DATETIME NOT NULL,
                    undoneBy INTEGER REFERENCES tag_write(id));
                CREATE INDEX tag_write_track ON tag_write (trackId);
                """)
        }
        migrator.registerMigration("pushed-playlists") { db in
            // The id a user's Subsonic server gave each playlist `tonearm push` created there, so later
            // pushes replace its songs under the same id (players sync playlists by id).
            try db.execute(sql: """
                CREATE TABLE pushed_playlist (
                    server TEXT NOT NULL, user TEXT NOT NULL, name TEXT NOT NULL,
                    playlistId TEXT NOT NULL, pushedAt DATETIME NOT NULL,
                    PRIMARY KEY (server, user, name));
                """)
        }
        // Evidence version 2 no longer computes the 36-bin tuned-HPCP keys nor Percival's tempo: the shown
        // tempo and key do better without them (docs/tempo-and-key.md). Old rows are recomputed by the
        // next analyze.
        migrator.registerMigration("evidence-without-tuned-keys-and-percival") { db in
            try db.execute(sql: "ALTER TABLE evidence_features DROP COLUMN tunedKeys")
            try db.execute(sql: "ALTER TABLE evidence_features DROP COLUMN percivalBpm")
        }
        // The shown tempo's other octave where the learned decision is unsure of it (ShownDescriptors).
        migrator.registerMigration("shown-tempo-alternative") { db in
            try db.execute(sql: "ALTER TABLE shown_descriptors ADD COLUMN bpmAlternative DOUBLE")
        }
        migrator.registerMigration("track-text-search") { db in
            // Search by words of the file name and tags, through FTS5: prefix queries ("kev mac") answer
            // from the index in milliseconds at a million tracks, where scanning every track took 0.5 s at
            // 10^5. Contentless (only the index is stored; the text is in `track`), kept in step by
            // triggers, so every writer of `track` stays as it is. A contentless table forgets a row only
            // when told its old values, which the triggers have.
            let name = { (row: String) in "replace(\(row).path, rtrim(\(row).path, replace(\(row).path, '/', '')), '')" }
            let values = { (row: String) in "\(row).id, \(name(row)), \(row).artist, \(row).title, \(row).album" }
            try db.execute(sql: """
                CREATE VIRTUAL TABLE track_text USING fts5(
                    name, artist, title, album, content='', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
                INSERT INTO track_text (rowid, name, artist, title, album) SELECT \(values("track")) FROM track;
                CREATE TRIGGER track_text_inserted AFTER INSERT ON track BEGIN
                    INSERT INTO track_text (rowid, name, artist, title, album) VALUES (\(values("NEW"))); END;
                CREATE TRIGGER track_text_deleted AFTER DELETE ON track BEGIN
                    INSERT INTO track_text (track_text, rowid, name, artist, title, album) VALUES ('delete', \(values("OLD"))); END;
                CREATE TRIGGER track_text_updated AFTER UPDATE OF path, artist, title, album ON track
                WHEN OLD.path IS NOT NEW.path OR OLD.artist IS NOT NEW.artist OR OLD.title IS NOT NEW.title OR OLD.album IS NOT NEW.album
                BEGIN
                    INSERT INTO track_text (track_text, rowid, name, artist, title, album) VALUES ('delete', \(values("OLD")));
                    INSERT INTO track_text (rowid, name, artist, title, album) VALUES (\(values("NEW"))); END;
                """)
        }
        migrator.registerMigration("listening-state") { db in
            // Per-user state the Subsonic API keeps (Sources/Listening). Items are the API's ids (a track
            // id, `al-…`, `ar-…`), which survive rescans. `listen` is the history, only ever appended to;
            // `play_count` sums it per track so song entries need no scan of the history.
            try db.execute(sql: """
                CREATE TABLE user_star (
                    user TEXT NOT NULL, itemId TEXT NOT NULL, starredAt DATETIME NOT NULL,
                    PRIMARY KEY (user, itemId)) WITHOUT ROWID;
                CREATE TABLE user_rating (
                    user TEXT NOT NULL, itemId TEXT NOT NULL, rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
                    PRIMARY KEY (user, itemId)) WITHOUT ROWID;
                CREATE TABLE listen (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, user TEXT NOT NULL, trackId INTEGER NOT NULL,
                    playedAt DATETIME NOT NULL, client TEXT NOT NULL);
                CREATE INDEX listen_by_user ON listen (user, playedAt);
                CREATE TABLE play_count (
                    user TEXT NOT NULL, trackId INTEGER NOT NULL, count INTEGER NOT NULL, lastPlayedAt DATETIME NOT NULL,
                    PRIMARY KEY (user, trackId)) WITHOUT ROWID;
                CREATE INDEX play_count_by_track ON play_count (trackId);
                CREATE TABLE now_playing (
                    user TEXT NOT NULL, client TEXT NOT NULL, trackId INTEGER NOT NULL, startedAt DATETIME NOT NULL,
                    PRIMARY KEY (user, client)) WITHOUT ROWID;
                CREATE TABLE play_queue (
                    user TEXT PRIMARY KEY NOT NULL, trackIds TEXT NOT NULL, currentId INTEGER, positionMs INTEGER NOT NULL,
                    changedAt DATETIME NOT NULL, changedBy TEXT NOT NULL);
                """)
        }
        migrator.registerMigration("track-text-search-longer-prefixes") { db in
            // A prefix term longer than the longest prefix index ("track"* with prefix='1 2 3') made FTS5
            // merge the whole list of every matching word before it could intersect it with the other
            // words: 3 ms at 10^5 tracks, 40-250 ms at 10^6 for common words. With prefix indexes up to six
            // letters such a term is one list read lazily, and the query is driven by its rarest word
            // (0.03 ms). detail=none: search asks no phrases nor columns, so positions are not stored and
            // the index stays about as large as before. The triggers of `track-text-search` name the table
            // and keep feeding the new one.
            try db.execute(sql: """
                DROP TABLE track_text;
                CREATE VIRTUAL TABLE track_text USING fts5(
                    name, artist, title, album, content='', tokenize='unicode61 remove_diacritics 2',
                    prefix='1 2 3 4 5 6', detail=none);
                INSERT INTO track_text (rowid, name, artist, title, album)
                    SELECT id, replace(path, rtrim(path, replace(path, '/', '')), ''), artist, title, album FROM track;
                """)
        }
        return migrator
    }
}
