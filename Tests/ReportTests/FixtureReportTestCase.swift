import Foundation
import Report
import TestSupport

/// A test case with the fixture collection's report written and read back, for tests that check
/// the page's figures against counts made from the fixture's inputs.
class FixtureReportTestCase: TemporaryDirectoryTestCase {
    var fixture: CollectionFixture!
    var page: PageReader!

    override func setUpWithError() throws {
        try super.setUpWithError()
        fixture = try CollectionFixture.make(in: directory)
        let written = try ReportWriter.write(store: fixture.store, to: directory.appendingPathComponent("report"))
        page = try PageReader(written.page)
    }

    var inputs: [CollectionFixture.Input] { fixture.inputs }
}
