using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MolForge.Generation.Model;

/// <summary>The network: previous action embedding + step features (focus atom, valences, action mask) +
/// condition vector → linear → multi-layer GRU (Cho et al. 2014) → logits over the action vocabulary. The
/// initial GRU state is a function of the condition vector. Masked logits give the action distribution.</summary>
public sealed class GraphGeneratorNet : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    private readonly Embedding _embed;
    private readonly Linear _input;
    private readonly GRU _gru;
    private readonly Linear _hidden;
    private readonly Linear _head;
    private readonly Linear _init;
    private readonly int _layers;
    private readonly int _hiddenSize;

    /// <summary>Creates the network.</summary>
    public GraphGeneratorNet(ModelConfig config, int actions, int features) : base(nameof(GraphGeneratorNet))
    {
        ArgumentNullException.ThrowIfNull(config);
        _layers = config.Layers;
        _hiddenSize = config.HiddenSize;
        _embed = nn.Embedding(actions + 1, config.EmbeddingSize);
        _input = nn.Linear(config.EmbeddingSize + features + Conditioning.Width, config.HiddenSize);
        _gru = nn.GRU(config.HiddenSize, config.HiddenSize, config.Layers, batchFirst: true,
            dropout: config.Layers > 1 ? config.Dropout : 0);
        _hidden = nn.Linear(config.HiddenSize, config.HiddenSize);
        _head = nn.Linear(config.HiddenSize, actions);
        _init = nn.Linear(Conditioning.Width, config.Layers * config.HiddenSize);
        RegisterComponents();
    }

    /// <summary>Initial GRU state [layers, batch, hidden] from the condition vectors [batch, C].</summary>
    public Tensor InitialState(Tensor condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var h = _init.forward(condition).tanh();
        return h.view(condition.shape[0], _layers, _hiddenSize).permute(1, 0, 2).contiguous();
    }

    /// <summary>Teacher-forced logits [batch, time, actions] for previous actions [batch, time] (long), step
    /// features [batch, time, F] and conditions [batch, C].</summary>
    public override Tensor forward(Tensor previous, Tensor features, Tensor condition)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(condition);
        using var scope = NewDisposeScope();
        var t = previous.shape[1];
        var c = condition.unsqueeze(1).expand(-1, t, -1);
        var x = nn.functional.relu(_input.forward(cat([_embed.forward(previous), features, c], 2)));
        var (y, _) = _gru.forward(x, InitialState(condition));
        var logits = _head.forward(nn.functional.relu(_hidden.forward(y)) + y);
        return logits.MoveToOuterDisposeScope();
    }

    /// <summary>One sampling step: logits [batch, actions] and the new state, from previous actions [batch],
    /// features [batch, F], conditions [batch, C] and the state [layers, batch, hidden].</summary>
    public (Tensor Logits, Tensor State) Step(Tensor previous, Tensor features, Tensor condition, Tensor state)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(condition);
        using var scope = NewDisposeScope();
        var x = nn.functional.relu(_input.forward(cat([_embed.forward(previous), features, condition], 1))).unsqueeze(1);
        var (y, h) = _gru.forward(x, state);
        var y1 = y.squeeze(1);
        var logits = _head.forward(nn.functional.relu(_hidden.forward(y1)) + y1);
        return (logits.MoveToOuterDisposeScope(), h.MoveToOuterDisposeScope());
    }
}
