namespace DwsPowerShell.Client.Tests;

public class SmokeTests
{
    [Fact]
    public void Fixture_examples_are_copied_next_to_the_tests()
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "Fixtures", "examples.json")));
    }
}
