namespace DwsPowerShell.Client.Tests.Examples;

public class ReferenceExamplesTests
{
    [Fact]
    public void The_fixture_holds_the_reference_examples()
    {
        Assert.Equal(193, ReferenceExamples.All.Count);
        Assert.Contains(ReferenceExamples.All, e => e.Section == "5.13.1" && e.Kind == "response");
    }
}
