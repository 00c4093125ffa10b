using System.Diagnostics;
using System.Text;

namespace Notifier.Testing.Hosting;

/// <summary>Everything a started process writes to stdout and stderr, line by line, readable while it runs.</summary>
public sealed class CapturedOutput
{
    private readonly StringBuilder _text = new();

    public string Text
    {
        get
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }

    /// <summary>Starts reading <paramref name="process"/>'s redirected stdout and stderr into this.</summary>
    public void Capture(Process process)
    {
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Adds a line of the test's own (a null line, the end of a stream, is ignored).</summary>
    public void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_text)
        {
            _text.AppendLine(line);
        }
    }
}
