namespace Fenghua.Cms.Cli;

/// <summary>Parsed `group name positional... --option value --flag`; options whose name contains ':' are configuration overrides.</summary>
public sealed class CommandLine
{
    public string? Group { get; private init; }
    public string? Name { get; private init; }
    public List<string> Positional { get; } = [];
    public Dictionary<string, List<string>> Options { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, string?> ConfigurationOverrides { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static CommandLine Parse(string[] args)
    {
        var words = new List<string>();
        var options = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var config = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) { words.Add(args[i]); continue; }
            var name = args[i][2..];
            string value = "true";
            var eq = name.IndexOf('=');
            if (eq > 0) { value = name[(eq + 1)..]; name = name[..eq]; }
            else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) value = args[++i];
            if (name.Contains(':')) config[name] = value;
            else (options.TryGetValue(name, out var list) ? list : options[name] = []).Add(value);
        }
        var cl = new CommandLine { Group = words.ElementAtOrDefault(0), Name = words.ElementAtOrDefault(1) };
        cl.Positional.AddRange(words.Skip(2));
        foreach (var (k, v) in options) cl.Options[k] = v;
        foreach (var (k, v) in config) cl.ConfigurationOverrides[k] = v;
        return cl;
    }

    public bool Has(string option) => Options.ContainsKey(option);

    public string? Get(string option) => Options.TryGetValue(option, out var v) ? v[^1] : null;

    public string Require(string option) => Get(option) ?? throw new CliException($"缺少选项 --{option}。");

    public IEnumerable<string> All(string option) => Options.TryGetValue(option, out var v) ? v : [];
}
