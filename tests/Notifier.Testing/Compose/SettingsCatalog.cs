using System.Collections;
using System.Reflection;

namespace Notifier.Testing.Compose;

/// <summary>The configuration keys an app really reads: the bindable properties of its options classes, by section.</summary>
public sealed class SettingsCatalog
{
    private readonly HashSet<string> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _dictionaries = new(StringComparer.OrdinalIgnoreCase);

    public SettingsCatalog Add(string section, Type options)
    {
        foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || IsList(p.PropertyType)))
        {
            _keys.Add(IsList(property.PropertyType) ? $"{section}:{property.Name}:*" : $"{section}:{property.Name}");
            if (typeof(IDictionary).IsAssignableFrom(property.PropertyType))
            {
                _dictionaries.Add($"{section}:{property.Name}");
            }
        }

        return this;
    }

    public SettingsCatalog Add(string key)
    {
        _keys.Add(key);
        return this;
    }

    /// <summary>
    /// Whether <paramref name="key"/> is read (a list element <c>Proxy:KnownNetworks:0</c> matches
    /// <c>Proxy:KnownNetworks:*</c>; a dictionary entry such as <c>Api:Keys:compose</c> matches by any name).
    /// </summary>
    public bool Reads(string key)
    {
        if (_keys.Contains(key))
        {
            return true;
        }

        var last = key.LastIndexOf(':');
        if (last > 0 && _dictionaries.Contains(key[..last]))
        {
            return true;
        }

        return last > 0 && int.TryParse(key[(last + 1)..], out _) && _keys.Contains(key[..last] + ":*");
    }

    private static bool IsList(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);
}
