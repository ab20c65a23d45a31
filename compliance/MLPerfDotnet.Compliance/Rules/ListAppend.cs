namespace MLPerfDotnet.Compliance.Rules;

/// <summary>
/// [append] After a key's checks, the value of metadata field <see cref="MetadataField"/> is appended to the rule
/// file's list <see cref="List"/> (upstream: a POST such as <c>s['initialized_tensors'] += [v['metadata']['tensor']]</c>).
/// A line without the field adds nothing and gets upstream's "Failed executing code POST" message for its key.
/// </summary>
public sealed record ListAppend(string List, string MetadataField);
