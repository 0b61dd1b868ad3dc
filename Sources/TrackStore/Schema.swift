import GRDB

/// Append-only migrations: never edit a shipped one, add a new one.
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
            try db.create(table: AnalysisGroup.signal.tableName) { t in
                t.primaryKey("trackId", .integer).references("track", onDelete: .cascade)
                t.column("bpm", .double).notNull()
                t.column("bpmConfidence", .double).notNull()
                for profile in KeyProfile.allCases {
                    let suffix = profile.rawValue.prefix(1).uppercased() + profile.rawValue.dropFirst()
                    t.column("key\(suffix)", .text).notNull()
                    t.column("scale\(suffix)", .text).notNull()
                    t.column("strength\(suffix)", .double).notNull()
                }
                t.column("loudnessLufs", .double)
                t.column("loudnessRangeLu", .double)
                t.column("provenance", .text).notNull()
            }
            try db.create(table: AnalysisGroup.tempoCNN.tableName) { t in
                t.primaryKey("trackId", .integer).references("track", onDelete: .cascade)
                t.column("bpm", .double).notNull()
                t.column("localAgreement", .double).notNull()
                t.column("provenance", .text).notNull()
            }
            try db.create(table: AnalysisGroup.effnet.tableName) { t in
                t.primaryKey("trackId", .integer).references("track", onDelete: .cascade)
                t.column("embedding", .blob).notNull()
                t.column("styles", .blob).notNull()
                t.column("voice", .double).notNull()
                t.column("danceability", .double).notNull()
                t.column("provenance", .text).notNull()
            }
            try db.create(table: AnalysisGroup.musicnn.tableName) { t in
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
        migrator.registerMigration("track-from-excerpts") { db in
            try db.alter(table: "track") { t in
                t.add(column: "fromExcerpts", .boolean).notNull().defaults(to: false)
            }
        }
        return migrator
    }
}
