namespace CloudEdge.Learning.Models;

/// <summary>A model built by <see cref="ModelRegistry"/>: it knows the spec it was built from.</summary>
public interface IModelWithSpec
{
    /// <summary>The spec the model was built from.</summary>
    ModelSpec Spec { get; }
}
