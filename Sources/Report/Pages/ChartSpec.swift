/// A chart as the page's script (`Assets/report.js`) draws it with Chart.js: plain data, no code,
/// so Swift decides what is shown and the script only how.
struct ChartSpec: Encodable {
    enum Kind: String, Encodable {
        /// Vertical bars over named categories.
        case bar
        /// Horizontal bars over named categories, for long names (styles, genres).
        case horizontalBar
        /// Adjacent bars over a numeric axis: `bins` says where they start and how wide they are.
        case histogram
        /// Points on numeric axes limited to `range`.
        case scatter
    }

    struct Bins: Encodable {
        var lowerBound: Double
        var width: Double
    }

    struct Dataset: Encodable {
        var label: String
        var color: String
        var values: [Double]?
        var points: [Point]?
    }

    struct Point: Encodable {
        var x: Double
        var y: Double
        var name: String
    }

    /// A vertical line across a histogram at a value of its axis (e.g. a loudness target); on a
    /// scatter plot, a line on both axes (e.g. the midlines of a quadrant plot).
    struct ReferenceLine: Encodable {
        var value: Double
        var label: String
    }

    struct AxisRange: Encodable {
        var min: Double
        var max: Double
    }

    /// Text drawn inside a scatter plot at data coordinates, e.g. the name of a quadrant.
    struct Annotation: Encodable {
        var x: Double
        var y: Double
        var text: String
    }

    var id: String
    var kind: Kind
    var title: String
    var xTitle: String
    var yTitle: String
    var categories: [String]?
    var bins: Bins?
    /// Both axes of a scatter plot.
    var range: AxisRange?
    var stacked = false
    var datasets: [Dataset]
    var referenceLines: [ReferenceLine] = []
    var annotations: [Annotation] = []
    /// Taller charts for long category lists, so every label stays readable.
    var height = 360
    /// A cap on the width, for a plot whose two axes share a scale and should stay square.
    var maxWidth: Int?

    static func histogram(id: String, title: String, xTitle: String, histogram: Histogram, color: String,
                          height: Int = 360, referenceLines: [ReferenceLine] = []) -> ChartSpec {
        ChartSpec(id: id, kind: .histogram, title: title, xTitle: xTitle, yTitle: "Tracks",
                  bins: Bins(lowerBound: histogram.lowerBound, width: histogram.binWidth),
                  datasets: [Dataset(label: "Tracks", color: color, values: histogram.counts.map(Double.init))],
                  referenceLines: referenceLines, height: height)
    }
}

/// Okabe & Ito's palette, distinguishable with every common colour-vision deficiency.
enum Palette {
    static let orange = "#E69F00"
    static let skyBlue = "#56B4E9"
    static let bluishGreen = "#009E73"
    static let yellow = "#F0E442"
    static let blue = "#0072B2"
    static let vermillion = "#D55E00"
    static let reddishPurple = "#CC79A7"
    static let black = "#000000"
}
