/// One `<option>` of a `<select>`.
struct FormOption {
    let value: String
    let label: String
    let selected: Bool

    /// `choices` as (value, label); the empty value stands for "no choice".
    static func list(_ choices: [(value: String, label: String)], selected: String?) -> [FormOption] {
        choices.map { FormOption(value: $0.value, label: $0.label, selected: $0.value == (selected ?? "")) }
    }
}
