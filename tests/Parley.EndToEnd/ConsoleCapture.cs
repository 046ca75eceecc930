using System.Collections.Concurrent;
using System.Text;

namespace Parley.EndToEnd;

/// <summary>
/// Tees the process's console: what the server prints still reaches the real console, and the
/// test can read it the way an operator reads `dotnet run` (the "Admin invite: …" line).
/// </summary>
internal sealed class ConsoleCapture : TextWriter
{
    private readonly TextWriter _inner;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly StringBuilder _current = new();
    private readonly Lock _gate = new();

    private ConsoleCapture(TextWriter inner) => _inner = inner;

    public override Encoding Encoding => _inner.Encoding;

    public IEnumerable<string> Lines => _lines;

    public static ConsoleCapture Install()
    {
        var capture = new ConsoleCapture(Console.Out);
        Console.SetOut(capture);
        return capture;
    }

    public override void Write(char value)
    {
        _inner.Write(value);
        lock (_gate)
        {
            if (value == '\n')
            {
                _lines.Enqueue(_current.ToString().TrimEnd('\r'));
                _current.Clear();
            }
            else
            {
                _current.Append(value);
            }
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
        {
            return;
        }
        foreach (var c in value)
        {
            Write(c);
        }
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        Write('\n');
    }
}
