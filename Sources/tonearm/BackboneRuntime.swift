import Models

/// Which runtime the worker uses for a backbone, in one line for `analyze` and `models list`.
enum BackboneRuntime {
    static func line(for model: LocatedModel) -> String? {
        let name = model.role.spec.name
        switch model.conversion {
        case .converted(_, let maxDifference):
            return "\(name) runs on ONNX Runtime (verified conversion, within "
                + String(format: "%.1e", maxDifference) + " of TensorFlow)"
        case .notConverted:
            return "\(name) runs on TensorFlow; `tonearm models convert` moves it to ONNX Runtime (about 2× faster)"
        case .damaged(let reason):
            return "\(name) runs on TensorFlow: its ONNX conversion is damaged (\(reason)); `tonearm models convert` redoes it"
        case nil:
            return nil
        }
    }
}
