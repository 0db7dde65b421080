using DwsPowerShell.Client.Tests.Support;
using DwsPowerShell.Client.Waiting;

namespace DwsPowerShell.Client.Tests.Waiting;

/// <summary>Polls start one interval apart: the time a poll takes is not added to the interval.</summary>
public class PollRateTests
{
    [Fact]
    public async Task A_slow_poll_shortens_the_sleep_after_it()
    {
        var time = new FakeTime(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)) { AutoAdvance = true };
        var polls = 0;
        await DwsWaiter.PollAsync(_ =>
        {
            time.Advance(TimeSpan.FromMilliseconds(300)); // the poll round takes 300 ms
            return Task.FromResult(++polls == 3);
        }, new DwsWaitOptions { PollInterval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromMinutes(1), TimeProvider = time },
            () => Array.Empty<string>(), "test", CancellationToken.None);
        Assert.Equal(new[] { TimeSpan.FromMilliseconds(700), TimeSpan.FromMilliseconds(700) }, time.Delays);
    }
}
