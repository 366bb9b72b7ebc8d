using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CloudEdge.Grains.Federation;
using CloudEdge.Grains.Interfaces.Federation;
using static CloudEdge.Grains.Tests.Federation.FederationTestData;

namespace CloudEdge.Grains.Tests.Federation;

[Collection(ClusterCollection.Name)]
public sealed class FederationMetricsTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Submit_AcceptedAndRefused_CountedByOutcomeWithTheRoundsCompleted()
    {
        var id = $"fed-metrics-{Guid.NewGuid():N}";
        var counts = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == FederationMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? federation = null, outcome = null;
            foreach (var tag in tags)
            {
                (federation, outcome) = tag.Key switch
                {
                    "federation" => (tag.Value as string, outcome),
                    "outcome" => (federation, tag.Value as string),
                    _ => (federation, outcome),
                };
            }

            if (federation == id)
            {
                counts.AddOrUpdate($"{instrument.Name}/{outcome}", value, (_, old) => old + value);
            }
        });
        listener.Start();

        var grain = fixture.Client.GetGrain<IFederationGrain>(id);
        await grain.Configure(Config(edges: 1, min: 1, rounds: 1), reset: false);
        await grain.Join(Join("e1"));
        await grain.Submit(Submit("e1", 0, Weights(0)));
        await grain.Submit(Submit("e1", 0, Weights(0)));
        await grain.Submit(Submit("e1", 1, Weights(1), examples: 0));
        await grain.Submit(Submit("e1", 1, Weights(1)));

        Assert.Equal(2, counts.GetValueOrDefault("cloudedge.federation.submissions/accepted"));
        Assert.Equal(1, counts.GetValueOrDefault("cloudedge.federation.submissions/stale"));
        Assert.Equal(1, counts.GetValueOrDefault("cloudedge.federation.submissions/invalid"));
        Assert.Equal(2, counts.GetValueOrDefault("cloudedge.federation.rounds/"));
    }
}
