using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace MLPerfDotnet.Harness.Deployment;

/// <summary>Writes multi-line strings (scripts, the T9k Resource manifest) as literal blocks (<c>|</c>), line for line as they run.</summary>
public sealed class LiteralBlockEmitter(IEventEmitter next) : ChainedEventEmitter(next)
{
    public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
    {
        ArgumentNullException.ThrowIfNull(eventInfo);
        if (eventInfo.Source.Value is string text && text.Contains('\n', StringComparison.Ordinal) && !text.Contains(" \n", StringComparison.Ordinal))
            eventInfo.Style = ScalarStyle.Literal;
        base.Emit(eventInfo, emitter);
    }
}
