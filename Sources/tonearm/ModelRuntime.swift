import Models

/// Which runtime the worker uses for each model: per model for `models list`, in two lines for `analyze`.
enum ModelRuntime {
    static func line(for model: LocatedModel) -> String {
        let name = model.role.spec.name
        switch model.conversion {
        case .converted(_, let maxDifference):
            return "\(name) runs on ONNX Runtime (verified conversion, within " + String(format: "%.1e", maxDifference)
                + " of TensorFlow)"
        case .notConverted:
            return "\(name) runs on TensorFlow (not converted)"
        case .damaged(let reason):
            return "\(name) runs on TensorFlow: its ONNX conversion is damaged (\(reason)); `tonearm models convert` redoes it"
        case nil:
            return "\(name) runs on TensorFlow"
        }
    }

    /// "on ONNX Runtime: …" and "on TensorFlow: …", plus the hint to convert when that would help.
    static func summary(of models: [LocatedModel]) -> [String] {
        let onnx = models.filter { $0.conversion?.onnx != nil }.map(\.role.spec.name)
        let tensorflow = models.filter { $0.conversion?.onnx == nil }.map(\.role.spec.name)
        var lines: [String] = []
        if !onnx.isEmpty { lines.append("on ONNX Runtime (verified conversions): " + onnx.joined(separator: ", ")) }
        if !tensorflow.isEmpty { lines.append("on TensorFlow: " + tensorflow.joined(separator: ", ")) }
        if models.contains(where: { $0.conversion == .notConverted }) {
            lines.append("(`tonearm models convert` moves the embedding models and heads to ONNX Runtime: same results, faster)")
        }
        return lines
    }
}
